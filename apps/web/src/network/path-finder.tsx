import type { NetworkPathsInput, NetworkView } from '@lantern/domain';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { ErrorState, Loading } from '../ui/status.tsx';
import { linkTypeLabel } from './network-style.ts';

export interface PathFinderProps {
  view: NetworkView;
  from: string;
  filters: Omit<NetworkPathsInput, 'fromEntityId' | 'toEntityId'>;
  /** The nodes on the paths found, for the chart to pick out (null: none). */
  onPaths(nodes: Set<string> | null): void;
}

/**
 * "Shortest paths to …": every shortest chain of links from the selected node to another, over
 * everything the user may see (not only this view), each step with the records behind it.
 */
export function PathFinder({ view, from, filters, onPaths }: PathFinderProps) {
  const trpc = useTRPC();
  const selectId = useId();
  const [to, setTo] = useState('');
  const others = view.nodes.filter((node) => node.id !== from).sort((a, b) => a.label.localeCompare(b.label));
  const paths = useQuery({
    ...trpc.network.paths.queryOptions({ fromEntityId: from, toEntityId: to, ...filters }),
    enabled: to !== '',
  });
  useEffect(() => {
    onPaths(paths.data ? new Set(paths.data.paths.flat()) : null);
  }, [paths.data, onPaths]);
  useEffect(() => () => onPaths(null), [onPaths]);
  const found = paths.data;
  const labels = new Map(found?.nodes.map((node) => [node.id, node.label]));
  const edgeOf = (a: string, b: string) =>
    found?.edges.find((edge) => (edge.source === a && edge.target === b) || (edge.source === b && edge.target === a));
  const reference = new Map(found?.records.map((record) => [record.id, record.reference]));
  return (
    <div className="path-finder" data-testid="path-finder">
      <label htmlFor={selectId}>Shortest paths to</label>{' '}
      <select id={selectId} value={to} onChange={(event) => setTo(event.target.value)}>
        <option value="">choose…</option>
        {others.map((node) => (
          <option key={node.id} value={node.id}>
            {node.label}
          </option>
        ))}
      </select>
      {paths.isFetching && <Loading>Finding paths…</Loading>}
      {paths.isError && <ErrorState message={errorMessage(paths.error)} />}
      {found && found.paths.length === 0 && <p>No chain of links joins them in this period.</p>}
      {found && found.paths.length > 0 && (
        <ol className="path-finder__paths">
          {found.paths.map((path) => (
            <li key={path.join('>')}>
              {path.map((id, index) => {
                const next = path[index + 1];
                const edge = next ? edgeOf(id, next) : undefined;
                return (
                  <span key={id}>
                    <strong>{labels.get(id) ?? id}</strong>
                    {edge && (
                      <span className="linked-records__meta">
                        {' '}
                        — {edge.types.map(linkTypeLabel).join(', ')}
                        {edge.records.length > 0
                          ? ` (${edge.records.map((record) => reference.get(record) ?? 'record').join(', ')})`
                          : ''}{' '}
                        —{' '}
                      </span>
                    )}
                  </span>
                );
              })}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
