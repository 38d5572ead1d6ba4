// Disruption actions: recorded and moved by police analysts and district officers within their
// districts and powers, every change kept in the status history and the audit trail. Targets that
// are people are associates, shown as the caller's view allows.
export { createDisruptionAction } from './create-disruption-action.ts';
export { getDisruptionAction } from './get-disruption-action.ts';
export { listDisruptionActions } from './list-disruption-actions.ts';
export { listDisruptionForMap } from './list-disruption-for-map.ts';
export { measureDisruptionEffect } from './measure-disruption-effect.ts';
export { transitionDisruptionAction } from './transition-disruption-action.ts';
