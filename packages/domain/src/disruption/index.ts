export * from './effect.ts';
export * from './may-act.ts';
export * from './transitions.ts';
export * from './vocabulary.ts';
