import type { NetworkNodeType, NetworkView } from '@lantern/domain';
import { useMemo, useState } from 'react';
import { nodeTypeLabels } from './network-style.ts';

type ViewNode = NetworkView['nodes'][number];
type Measure = 'pagerank' | 'betweenness' | 'degree' | 'eigenvector';

const measures: Record<Measure, string> = {
  pagerank: 'PageRank',
  betweenness: 'Betweenness',
  degree: 'Degree',
  eigenvector: 'Eigenvector',
};

export interface CentreTableProps {
  view: NetworkView;
  /** Metrics without weak intelligence when the toggle hides it. */
  withoutWeak: boolean;
  selectedNode: string | null;
  onSelectNode(id: string): void;
}

const figure = (value: number) => (value === 0 ? '0' : value < 0.001 ? value.toExponential(1) : value.toFixed(3));

function weakWords(node: ViewNode): string | null {
  const dependence = node.weakDependence;
  if (!dependence) return null;
  const grades = dependence.weakGrades.join(', ');
  return `Central only because of weak intelligence (${grades}): rank ${dependence.rankWith} with it, ${
    dependence.rankWithout === null ? 'no links' : `rank ${dependence.rankWithout}`
  } without`;
}

/**
 * "People at the centre": the view ranked by a centrality, with each one's community, k-core,
 * the disruption actions aimed at them and whether their place rests on weak intelligence. It is
 * also the chart's text alternative: every row selects its node.
 */
export function CentreTable({ view, withoutWeak, selectedNode, onSelectNode }: CentreTableProps) {
  const [measure, setMeasure] = useState<Measure>('pagerank');
  const [types, setTypes] = useState<'associate' | 'all'>('associate');
  const rows = useMemo(() => {
    const value = (node: ViewNode) =>
      withoutWeak && measure !== 'eigenvector' ? node.withoutWeak[measure] : node[measure];
    return view.nodes
      .filter((node) => types === 'all' || node.type === 'associate')
      .map((node) => ({ node, value: value(node) }))
      .sort((a, b) => b.value - a.value || a.node.label.localeCompare(b.node.label));
  }, [view, measure, types, withoutWeak]);
  const shown = rows.slice(0, 50);
  return (
    <section className="centre-table" aria-labelledby="centre-heading">
      <div className="centre-table__header">
        <h2 id="centre-heading">People at the centre</h2>
        <label>
          Rank by{' '}
          <select value={measure} onChange={(event) => setMeasure(event.target.value as Measure)}>
            {Object.entries(measures).map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Show{' '}
          <select value={types} onChange={(event) => setTypes(event.target.value as 'associate' | 'all')}>
            <option value="associate">associates</option>
            <option value="all">everyone and everything</option>
          </select>
        </label>
      </div>
      <p className="centre-table__count">
        {shown.length < rows.length ? `Top ${shown.length} of ${rows.length}` : `${rows.length} in this view`}
        {withoutWeak ? ' · without links resting only on weak intelligence' : ''}
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Name</th>
            {types === 'all' && <th scope="col">Type</th>}
            <th scope="col">{measures[measure]}</th>
            <th scope="col">Links</th>
            <th scope="col">Group</th>
            <th scope="col">Core</th>
            <th scope="col">Disruption</th>
            <th scope="col">Weak intelligence</th>
          </tr>
        </thead>
        <tbody>
          {shown.map(({ node, value }, index) => (
            <tr
              key={node.id}
              aria-selected={node.id === selectedNode}
              className={node.id === selectedNode ? 'is-selected' : undefined}
            >
              <td>{index + 1}</td>
              <td>
                <button type="button" className="link-button" onClick={() => onSelectNode(node.id)}>
                  {node.label}
                </button>
              </td>
              {types === 'all' && <td>{nodeTypeLabels[node.type as NetworkNodeType]}</td>}
              <td>{measure === 'degree' ? value : figure(value)}</td>
              <td>{withoutWeak ? node.withoutWeak.degree : node.degree}</td>
              <td>{(withoutWeak ? node.withoutWeak.community : node.community) + 1}</td>
              <td>{node.core}</td>
              <td>
                {node.disruption.length === 0 ? (
                  <span className="centre-table__none">None</span>
                ) : (
                  node.disruption.map((action) => (
                    <span key={action.actionId} className="centre-table__action">
                      {action.tactic} ({action.status.replace(/_/g, ' ')})
                    </span>
                  ))
                )}
              </td>
              <td>{weakWords(node) ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
