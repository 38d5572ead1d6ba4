import { type HotspotWork, hotspotWork } from './hotspot-work.ts';
import { type NetworkWork, networkWork } from './network-work.ts';

/** Everything the analytics pool runs. */
export type AnalyticsWork = HotspotWork | NetworkWork;

/** The worker's entry: one piece of work in, its result out. */
export default function runAnalyticsWork(work: AnalyticsWork) {
  return work.kind === 'network' ? networkWork(work) : hotspotWork(work);
}
