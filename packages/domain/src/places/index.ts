export * from './parse-place-feature.ts';
