export * from './profile-document.ts';
export * from './profile-procedures.ts';
export * from './profile-rules.ts';
