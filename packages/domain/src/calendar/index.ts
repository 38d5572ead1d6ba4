export * from './calendar.ts';
export * from './date-bounds.ts';
export * from './financial-years.ts';
export * from './london-period.ts';
export * from './parse-london-date-time.ts';
export * from './reporting-quarters.ts';
