export * from './attachments.ts';
export * from './parse-intelligence-row.ts';
export * from './status.ts';
