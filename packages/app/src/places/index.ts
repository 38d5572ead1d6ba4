// Places of concern: scoped in SQL by the district the point falls in; changes audited.
export { createPlace } from './create-place.ts';
export { getPlace } from './get-place.ts';
export { getPlaceHistory } from './get-place-history.ts';
export { listPlaces } from './list-places.ts';
export { updatePlace } from './update-place.ts';
