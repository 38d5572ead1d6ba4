export * from './parse-place-feature.ts';
export * from './towns.ts';
