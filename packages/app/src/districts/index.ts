export { listDistricts } from './list-districts.ts';
