import type { NetworkView } from '@lantern/domain';
import { Link } from 'wouter';
import { formatDate } from '../ui/format.ts';
import { edgeKey } from './network-chart.tsx';
import { linkTypeLabel, nodeTypeLabels } from './network-style.ts';
import { PathFinder, type PathFinderProps } from './path-finder.tsx';

type ViewNode = NetworkView['nodes'][number];
type ViewEdge = NetworkView['edges'][number];

export interface NetworkPanelProps {
  view: NetworkView;
  /** The view's filters, for the path finder. */
  filters: PathFinderProps['filters'];
  onPaths: PathFinderProps['onPaths'];
  selectedNode: string | null;
  selectedEdge: string | null;
  onSelectNode(id: string): void;
  onSelectEdge(key: string): void;
  onClose(): void;
}

const figure = (value: number) => (value < 0.001 && value > 0 ? value.toExponential(2) : value.toFixed(3));

function grading(edge: ViewEdge): string {
  if (!edge.bestGrade) return 'police records';
  return edge.bestGrade === edge.worstGrade ? edge.bestGrade : `${edge.bestGrade} to ${edge.worstGrade}`;
}

/** The records behind one edge, as the caller may see them. */
function EdgeRecords({ view, edge }: { view: NetworkView; edge: ViewEdge }) {
  const records = view.records.filter((record) => edge.records.includes(record.id));
  const hidden = edge.records.length - records.length;
  return (
    <ul className="network-records" data-testid="edge-records">
      {records.map((record) => (
        <li key={record.id}>
          <strong>{record.reference}</strong>{' '}
          <span className="linked-records__meta">{record.date ? formatDate(record.date) : ''}</span>
          <br />
          {record.summary}
        </li>
      ))}
      {hidden > 0 && <li className="linked-records__meta">{hidden} record(s) outside your districts</li>}
      {edge.records.length === 0 && <li className="linked-records__meta">No record you may see</li>}
    </ul>
  );
}

function EdgeSummary({ view, edge, nodes }: { view: NetworkView; edge: ViewEdge; nodes: Map<string, ViewNode> }) {
  return (
    <>
      <p className="side-panel__kind">
        {nodes.get(edge.source)?.label} — {nodes.get(edge.target)?.label}
      </p>
      <dl className="facts">
        <div>
          <dt>Links</dt>
          <dd>{edge.types.map(linkTypeLabel).join(', ')}</dd>
        </div>
        <div>
          <dt>Weight</dt>
          <dd>{edge.weight}</dd>
        </div>
        <div>
          <dt>Seen</dt>
          <dd>{edge.first === edge.last ? edge.first : `${edge.first} to ${edge.last}`}</dd>
        </div>
        <div>
          <dt>Grading</dt>
          <dd>
            {grading(edge)}
            {edge.weak ? ' · weak intelligence only' : ''}
          </dd>
        </div>
      </dl>
      <h3>Records behind this link</h3>
      <EdgeRecords view={view} edge={edge} />
    </>
  );
}

function recordPage(node: ViewNode): string | null {
  if (node.type === 'child' || node.type === 'associate') return `/people/${node.id}`;
  if (node.type === 'place') return `/?place=${node.id}`;
  return null;
}

/** The selected node (its measures, disruption and every link with its records) or the selected link. */
export function NetworkPanel({
  view,
  filters,
  onPaths,
  selectedNode,
  selectedEdge,
  onSelectNode,
  onSelectEdge,
  onClose,
}: NetworkPanelProps) {
  const nodes = new Map(view.nodes.map((node) => [node.id, node]));
  const node = selectedNode ? nodes.get(selectedNode) : undefined;
  const edge = selectedEdge ? view.edges.find((candidate) => edgeKey(candidate) === selectedEdge) : undefined;
  if (!node && !edge) return null;
  const heading = node ? node.label : 'Link';
  const page = node ? recordPage(node) : null;
  const links = node
    ? view.edges.filter((candidate) => candidate.source === node.id || candidate.target === node.id)
    : [];
  return (
    <section className="side-panel network-panel" aria-labelledby="network-panel-heading" data-testid="network-panel">
      <div className="side-panel__header">
        <h2 id="network-panel-heading">{heading}</h2>
        <button type="button" className="button button--quiet" onClick={onClose}>
          Close
        </button>
      </div>
      {node && (
        <>
          <p className="side-panel__kind">
            {nodeTypeLabels[node.type]}
            {node.detail ? ` · ${node.detail}` : ''}
          </p>
          {node.weakDependence && (
            <p className="notice notice--warning" data-testid="weak-dependence">
              Central only because of weak intelligence ({node.weakDependence.weakGrades.join(', ')}): rank{' '}
              {node.weakDependence.rankWith} with it,{' '}
              {node.weakDependence.rankWithout === null ? 'no links' : `rank ${node.weakDependence.rankWithout}`}{' '}
              without.
            </p>
          )}
          <dl className="facts">
            <div>
              <dt>Links</dt>
              <dd>{node.degree}</dd>
            </div>
            <div>
              <dt>PageRank</dt>
              <dd>{figure(node.pagerank)}</dd>
            </div>
            <div>
              <dt>Betweenness</dt>
              <dd>{figure(node.betweenness)}</dd>
            </div>
            <div>
              <dt>Eigenvector</dt>
              <dd>{figure(node.eigenvector)}</dd>
            </div>
            <div>
              <dt>Group</dt>
              <dd>
                {node.community + 1}
                {node.bridgeShare > 0 ? ` · ${Math.round(node.bridgeShare * 100)}% of links to other groups` : ''}
              </dd>
            </div>
            <div>
              <dt>k-core</dt>
              <dd>{node.core}</dd>
            </div>
            <div>
              <dt>Disruption</dt>
              <dd>
                {node.disruption.length === 0
                  ? 'None aimed at them'
                  : node.disruption
                      .map((action) => `${action.tactic} (${action.status.replace(/_/g, ' ')})`)
                      .join('; ')}
              </dd>
            </div>
          </dl>
          <p className="network-panel__actions">
            {page && <Link href={page}>Open record</Link>}
            <Link href={`/network?ego=${node.id}`}>Network around {node.type === 'place' ? 'this place' : 'them'}</Link>
          </p>
          <PathFinder key={node.id} view={view} from={node.id} filters={filters} onPaths={onPaths} />
          <h3>Links ({links.length})</h3>
          <ul className="network-links">
            {links.map((link) => {
              const other = nodes.get(link.source === node.id ? link.target : link.source);
              const key = edgeKey(link);
              return (
                <li key={key}>
                  <button type="button" className="link-button" onClick={() => other && onSelectNode(other.id)}>
                    {other?.label ?? 'unknown'}
                  </button>{' '}
                  <span className="linked-records__meta">
                    {link.types.map(linkTypeLabel).join(', ')} · {grading(link)}
                  </span>{' '}
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    onClick={() => onSelectEdge(key)}
                  >
                    Records ({link.records.length})
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {edge && (
        <div className="network-panel__edge" data-testid="selected-edge">
          {node && <h3>Selected link</h3>}
          <EdgeSummary view={view} edge={edge} nodes={nodes} />
        </div>
      )}
    </section>
  );
}
