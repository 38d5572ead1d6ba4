export * from './app-error.ts';
export * from './districts.ts';
export * from './enums.ts';
export * from './police-uk.ts';
