export * from './nearest-rank-percentile.ts';
export * from './whole-percent.ts';
