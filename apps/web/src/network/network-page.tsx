import './network.css';
import {
  addDays,
  addYears,
  defaultNetworkNodeTypes,
  districts,
  londonDate,
  monthEnd,
  monthsBetween,
  type NetworkExportFormat,
  type NetworkNodeType,
  type NetworkView,
  networkNodeTypes,
} from '@lantern/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { errorMessage } from '../api/errors.ts';
import { type ApiClient, useTRPC, useTRPCClient } from '../api/trpc.ts';
import { PeerGroupPicker } from '../contextual/peer-group-picker.tsx';
import type { PageProps } from '../routing/page-props.ts';
import { download } from '../ui/download.ts';
import { LongWorkStatus, useLongAction, useLongWork } from '../ui/long-work.tsx';
import { Empty, ErrorState } from '../ui/status.tsx';
import { CentreTable } from './centre-table.tsx';
import { NetworkChart, type NetworkChartHandle, pictogramLimit } from './network-chart.tsx';
import { NetworkMap } from './network-map.tsx';
import { NetworkPanel } from './network-panel.tsx';
import { communityColour, linkGroupColours, linkGroupLabels, nodeTypeLabels } from './network-style.ts';

type ViewNode = NetworkView['nodes'][number];
type ViewEdge = NetworkView['edges'][number];

const grades = ['A', 'B', 'C', 'D', 'E'] as const;
type NetworkExportInput = Parameters<ApiClient['network']['export']['mutate']>[0];

const exportFormats: { format: NetworkExportFormat; label: string }[] = [
  { format: 'anx', label: 'i2 ANX' },
  { format: 'csv-nodes', label: 'CSV nodes' },
  { format: 'csv-edges', label: 'CSV links' },
  { format: 'graphml', label: 'GraphML' },
  { format: 'gexf', label: 'GEXF' },
  { format: 'json', label: 'JSON' },
];

/**
 * The Network page: a district's network or one entity's (`?district=CODE`, `?ego=ID&hops=N`) as
 * a link chart, the people at the centre, the groups Louvain finds and their places on the map,
 * the records behind every link, a month-by-month replay, a weak-intelligence check and exports.
 */
export function NetworkPage({ user }: PageProps) {
  const trpc = useTRPC();
  const search = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const ego = search.get('ego');
  const hops = Math.min(3, Math.max(1, Number(search.get('hops') ?? 2) || 2));
  const ownDistricts = user.districtCodes.length > 0 ? user.districtCodes : districts.map((d) => d.code);
  const districtCode = search.get('district') ?? ownDistricts[0] ?? 'E07000174';
  const today = londonDate();
  const [from, setFrom] = useState(addDays(addYears(today, -1), 1));
  const [to, setTo] = useState(today);
  const [minGrade, setMinGrade] = useState<(typeof grades)[number] | ''>('');
  const [nodeTypes, setNodeTypes] = useState<NetworkNodeType[]>([...defaultNetworkNodeTypes]);
  const [hideWeak, setHideWeak] = useState(false);
  const [replay, setReplay] = useState(false);
  const [monthIndex, setMonthIndex] = useState(0);
  const [selectedNode, setSelectedNode] = useState<string | null>(null);
  const [selectedEdge, setSelectedEdge] = useState<string | null>(null);
  const [community, setCommunity] = useState<number | null>(null);
  const [pathNodes, setPathNodes] = useState<Set<string> | null>(null);
  const chart = useRef<NetworkChartHandle>(null);

  const filters = {
    from,
    to,
    nodeTypes,
    reason: 'network view',
    ...(minGrade ? { minGrade } : {}),
  };
  // Long work: the request can be cancelled (the signal reaches the fetch and the worker pool).
  const cancellable = { trpc: { abortOnUnmount: true } };
  const egoInput = { entityId: ego ?? '', hops, ...filters };
  const districtInput = { districtCode, ...filters };
  const query = useQuery(
    ego
      ? trpc.network.ego.queryOptions(egoInput, cancellable)
      : trpc.network.district.queryOptions(districtInput, cancellable),
  );
  const work = useLongWork(
    ego ? trpc.network.ego.queryKey(egoInput) : trpc.network.district.queryKey(districtInput),
    query.isFetching,
  );
  const client = useTRPCClient();
  // An export works the network out again: long work too, with its own Cancel (the signal aborts the request).
  const exporter = useMutation({
    mutationKey: trpc.network.export.mutationKey(),
    mutationFn: ({ signal, ...input }: NetworkExportInput & { signal: AbortSignal }) =>
      client.network.export.mutate(input, { signal }),
  });
  const exportWork = useLongAction();
  const view = query.data;
  const months = useMemo(() => (view ? monthsBetween(view.view.from, view.view.to) : []), [view]);
  const month = replay ? months[Math.min(monthIndex, months.length - 1)] : undefined;

  const isEdgeHidden = useCallback(
    (edge: ViewEdge) => {
      if (hideWeak && edge.weak) return true;
      if (!month) return false;
      return edge.first > monthEnd(month) || edge.last < `${month}-01`;
    },
    [hideWeak, month],
  );
  const communityOf = useCallback(
    (node: ViewNode) => (hideWeak ? node.withoutWeak.community : node.community),
    [hideWeak],
  );
  const groups = useMemo(() => {
    if (!view) return [];
    const byCommunity = new Map<number, ViewNode[]>();
    for (const node of view.nodes) {
      const key = communityOf(node);
      byCommunity.set(key, [...(byCommunity.get(key) ?? []), node]);
    }
    return [...byCommunity.entries()]
      .map(([id, members]) => ({ id, members }))
      .filter((group) => group.members.length > 1)
      .sort((a, b) => b.members.length - a.members.length);
  }, [view, communityOf]);

  function selectNode(id: string | null) {
    setSelectedNode(id);
    setSelectedEdge(null);
  }

  async function exportAs(format: NetworkExportFormat) {
    const input: NetworkExportInput = {
      view: ego ? { kind: 'ego', entityId: ego, hops } : { kind: 'district', districtCode },
      format,
      ...filters,
    };
    // A failed export shows its message below (the mutation's error).
    await exportWork
      .run(async (signal) => {
        const file = await exporter.mutateAsync({ ...input, signal });
        download(new Blob([file.content], { type: file.mediaType }), file.filename);
      })
      .catch(() => undefined);
  }

  async function savePng() {
    const blob = await chart.current?.toPng();
    if (blob) download(blob, `lantern-network-${ego ? 'ego' : districtCode}-${today}.png`);
  }

  const districtName = districts.find((d) => d.code === districtCode)?.name ?? districtCode;
  const title = ego
    ? `Network around ${view?.nodes.find((n) => n.id === ego)?.label ?? 'one record'}`
    : `${districtName} network`;

  return (
    <main className="page network-page" aria-labelledby="network-title">
      <h1 id="network-title">{title}</h1>
      <p className="page__lead">
        Who is linked to whom through links, missing episodes and intelligence{ego ? `, to ${hops} steps` : ''}. Each
        link lists the records behind it; grades are 3x5x2 source and intelligence evaluations.
      </p>
      <form className="network-controls" onSubmit={(event) => event.preventDefault()} aria-label="Network filters">
        {!ego && (
          <label>
            District{' '}
            <select value={districtCode} onChange={(event) => navigate(`/network?district=${event.target.value}`)}>
              {districts
                .filter((d) => ownDistricts.includes(d.code))
                .map((d) => (
                  <option key={d.code} value={d.code}>
                    {d.name}
                  </option>
                ))}
            </select>
          </label>
        )}
        {ego && (
          <label>
            Steps{' '}
            <select value={hops} onChange={(event) => navigate(`/network?ego=${ego}&hops=${event.target.value}`)}>
              {[1, 2, 3].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          From{' '}
          <input
            type="date"
            value={from}
            max={to}
            onChange={(event) => event.target.value && setFrom(event.target.value)}
          />
        </label>
        <label>
          To{' '}
          <input
            type="date"
            value={to}
            min={from}
            max={today}
            onChange={(event) => event.target.value && setTo(event.target.value)}
          />
        </label>
        <label>
          Intelligence graded at least{' '}
          <select value={minGrade} onChange={(event) => setMinGrade(event.target.value as typeof minGrade)}>
            <option value="">any grade</option>
            {grades.map((grade) => (
              <option key={grade} value={grade}>
                {grade}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="network-controls__types">
          <legend>Show</legend>
          {networkNodeTypes.map((type) => (
            <label key={type}>
              <input
                type="checkbox"
                checked={nodeTypes.includes(type)}
                onChange={(event) =>
                  setNodeTypes((current) => {
                    const next = event.target.checked ? [...current, type] : current.filter((t) => t !== type);
                    return next.length > 0 ? next : current;
                  })
                }
              />{' '}
              {nodeTypeLabels[type]}
            </label>
          ))}
        </fieldset>
        <label className="network-controls__toggle">
          <input type="checkbox" checked={hideWeak} onChange={(event) => setHideWeak(event.target.checked)} /> Hide
          links resting only on weak intelligence (source 3, D or E, unverified)
        </label>
      </form>

      <LongWorkStatus work={work}>Building the network…</LongWorkStatus>
      {query.isError && <ErrorState message={errorMessage(query.error)} onRetry={() => query.refetch()} />}
      {view && view.nodes.length === 0 && (
        <Empty>No links in this period{minGrade ? ` graded ${minGrade} or better` : ''}: nothing to draw.</Empty>
      )}
      {view && view.nodes.length > 0 && (
        <>
          <p className="network-summary" data-testid="network-summary">
            {view.nodes.length} nodes · {view.edges.length} links · {view.communityCount} groups · modularity{' '}
            {view.modularity.toFixed(3)}
            {hideWeak
              ? ` · without weak intelligence: ${view.robustness.weakEdges} links removed, modularity ${view.robustness.modularityWithoutWeak.toFixed(3)}, groups ${Math.round(view.robustness.communityAgreement * 100)}% the same`
              : ''}
            {view.betweennessSample
              ? ` · betweenness estimated from ${view.betweennessSample.sources} of ${view.betweennessSample.of} nodes`
              : ''}
          </p>
          <div className="network-replay">
            <label>
              <input type="checkbox" checked={replay} onChange={(event) => setReplay(event.target.checked)} /> Replay
              month by month
            </label>
            {replay && months.length > 0 && (
              <>
                <input
                  type="range"
                  min={0}
                  max={months.length - 1}
                  value={Math.min(monthIndex, months.length - 1)}
                  onChange={(event) => setMonthIndex(Number(event.target.value))}
                  aria-label="Month shown"
                  aria-valuetext={month}
                />
                <output data-testid="replay-month">{month}</output>
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => setMonthIndex((index) => (index + 1) % months.length)}
                >
                  Next month
                </button>
              </>
            )}
          </div>
          <div className="network-layout">
            <NetworkChart
              ref={chart}
              view={view}
              isEdgeHidden={isEdgeHidden}
              selectedNode={selectedNode}
              selectedEdge={selectedEdge}
              community={community}
              communityOf={communityOf}
              pathNodes={pathNodes}
              onSelectNode={selectNode}
              onSelectEdge={setSelectedEdge}
            />
            <NetworkPanel
              view={view}
              filters={filters}
              onPaths={setPathNodes}
              selectedNode={selectedNode}
              selectedEdge={selectedEdge}
              onSelectNode={selectNode}
              onSelectEdge={setSelectedEdge}
              onClose={() => selectNode(null)}
            />
          </div>
          <PeerGroupPicker view={view} selectedNode={selectedNode} districtCode={districtCode} user={user} />
          <ul className="network-legend" aria-label="Legend">
            {Object.entries(linkGroupLabels).map(([group, label]) => (
              <li key={group}>
                <span
                  className="network-legend__line"
                  style={{ background: linkGroupColours[group as keyof typeof linkGroupColours] }}
                />
                {label}
              </li>
            ))}
            <li>
              Node size: PageRank · colour: group ·{' '}
              {view.nodes.length > pictogramLimit ? `icons drawn up to ${pictogramLimit} nodes` : 'icon: type'}
            </li>
          </ul>
          <div className="network-exports">
            <button type="button" className="button button--quiet" onClick={savePng}>
              Save chart as PNG
            </button>
            {exportFormats.map(({ format, label }) => (
              <button
                key={format}
                type="button"
                className="button button--quiet"
                onClick={() => void exportAs(format)}
                disabled={exportWork.working}
              >
                Export {label}
              </button>
            ))}
            <LongWorkStatus work={exportWork}>Exporting the network…</LongWorkStatus>
            {exporter.isError && !exportWork.cancelled && <ErrorState message={errorMessage(exporter.error)} />}
          </div>
          <CentreTable view={view} withoutWeak={hideWeak} selectedNode={selectedNode} onSelectNode={selectNode} />
          <section className="network-groups" aria-labelledby="groups-heading">
            <h2 id="groups-heading">Groups</h2>
            <ul>
              {groups.map((group) => {
                const places = group.members.filter((node) => node.type === 'place').length;
                const people = group.members.filter(
                  (node) => node.type === 'child' || node.type === 'associate',
                ).length;
                return (
                  <li key={group.id}>
                    <button
                      type="button"
                      className="network-groups__pick"
                      aria-pressed={community === group.id}
                      onClick={() => setCommunity(community === group.id ? null : group.id)}
                    >
                      <span className="network-groups__swatch" style={{ background: communityColour(group.id) }} />
                      Group {group.id + 1}: {people} people, {places} places, {group.members.length - people - places}{' '}
                      other
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
          <NetworkMap
            view={view}
            community={community}
            communityOf={communityOf}
            selectedNode={selectedNode}
            onSelectNode={selectNode}
          />
        </>
      )}
    </main>
  );
}
