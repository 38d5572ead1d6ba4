// Vehicles: by registration, not district-scoped; every read, search and change audited.
export { createVehicle } from './create-vehicle.ts';
export { getVehicle } from './get-vehicle.ts';
export { searchVehicles } from './search-vehicles.ts';
export { updateVehicle } from './update-vehicle.ts';
