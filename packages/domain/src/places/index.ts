export * from './parse-place-feature.ts';
export * from './point-description.ts';
export * from './towns.ts';
