export { exportNetwork, formatNetwork } from './export-network.ts';
export { findNetworkPaths } from './find-network-paths.ts';
export { viewDistrictNetwork } from './view-district-network.ts';
export { viewEgoNetwork } from './view-ego-network.ts';
