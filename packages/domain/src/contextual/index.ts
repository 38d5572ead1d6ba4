export * from './early-signals.ts';
export * from './schemas.ts';
