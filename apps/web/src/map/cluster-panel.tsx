import type { FoundLocationType, IntelligenceCategory } from '@lantern/domain';
import { useId } from 'react';
import { categoryLabels } from '../intelligence/labels.ts';
import { foundLocationLabels } from '../missing/labels.ts';
import { formatMonth } from '../ui/format.ts';
import type { PickedCluster } from './layers/event-tile-layer.tsx';

/** What a clicked circle holds: its count, the commonest type and the latest month in it. */
export function ClusterPanel({ cluster, onClose }: { cluster: PickedCluster; onClose(): void }) {
  const headingId = useId();
  const noun = cluster.layer === 'crime' ? 'crime' : cluster.layer === 'intelligence' ? 'report' : 'episode';
  return (
    <section className="side-panel" aria-labelledby={headingId} data-testid="cluster-panel">
      <div className="side-panel__header">
        <h2 id={headingId}>{cluster.label}</h2>
        <button className="button button--quiet" type="button" onClick={onClose} aria-label="Close the details">
          Close
        </button>
      </div>
      <dl className="facts">
        <div>
          <dt>Here</dt>
          <dd data-count="cluster">
            {cluster.count.toLocaleString('en-GB')} {noun}
            {cluster.count === 1 ? '' : 's'}
          </dd>
        </div>
        {cluster.kind && (
          <div>
            <dt>{cluster.count === 1 ? 'Type' : 'Commonest type'}</dt>
            <dd>{kindLabel(cluster)}</dd>
          </div>
        )}
        {cluster.month && (
          <div>
            <dt>{cluster.count === 1 ? 'Month' : 'Latest month'}</dt>
            <dd>{formatMonth(cluster.month)}</dd>
          </div>
        )}
      </dl>
      {cluster.layer === 'crime' && (
        <p className="side-panel__note">
          Police.uk publishes each crime at an anonymised point near where it happened, never an address.
        </p>
      )}
    </section>
  );
}

/** A cluster's commonest type in words: crime types are words already; categories and places are codes. */
export function kindLabel(cluster: Pick<PickedCluster, 'layer' | 'kind'>): string {
  const kind = cluster.kind ?? '';
  if (cluster.layer === 'intelligence') return categoryLabels[kind as IntelligenceCategory] ?? kind;
  if (cluster.layer === 'missing-found') return foundLocationLabels[kind as FoundLocationType] ?? kind;
  return kind;
}
