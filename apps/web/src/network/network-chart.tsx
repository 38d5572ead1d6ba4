import type { NetworkView } from '@lantern/domain';
import { createNodeImageProgram } from '@sigma/node-image';
import Graph from 'graphology';
import { circlepack } from 'graphology-layout';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import Sigma from 'sigma';
import { createNodeCompoundProgram, NodeCircleProgram } from 'sigma/rendering';
import { communityColour, linkGroup, linkGroupColours, pictogram } from './network-style.ts';

type ViewNode = NetworkView['nodes'][number];
type ViewEdge = NetworkView['edges'][number];

export const edgeKey = (edge: Pick<ViewEdge, 'source' | 'target'>) => `${edge.source}|${edge.target}`;

export interface NetworkChartProps {
  view: NetworkView;
  /** Edges not drawn now (outside the replayed month, or resting on weak intelligence when hidden). */
  isEdgeHidden(edge: ViewEdge): boolean;
  selectedNode: string | null;
  selectedEdge: string | null;
  /** A community picked in the list: its members stand out, the rest fade. */
  community: number | null;
  /** Nodes on the shortest paths being shown: they stand out, with the links between them. */
  pathNodes: ReadonlySet<string> | null;
  /** Community of each node as shown (with or without weak intelligence). */
  communityOf(node: ViewNode): number;
  onSelectNode(id: string | null): void;
  onSelectEdge(key: string | null): void;
}

export interface NetworkChartHandle {
  /** The chart as a PNG on white, as drawn now. */
  toPng(): Promise<Blob | null>;
}

// The pictogram sits on a disc in the community's colour: one compound program draws both.
const PictogramProgram = createNodeImageProgram({
  drawingMode: 'color',
  colorAttribute: 'pictogramColor',
  padding: 0.22,
  keepWithinCircle: false,
  size: { mode: 'force', value: 96 },
});
const NodeProgram = createNodeCompoundProgram([NodeCircleProgram, PictogramProgram]);

const faded = '#d9d9d9';

/** Above this many nodes the chart draws discs without pictograms (the legend says so). */
export const pictogramLimit = 2000;

/** A graphology graph of the view, laid out: communities packed apart, then ForceAtlas2. */
function layoutGraph(view: NetworkView): Graph {
  const graph = new Graph({ type: 'undirected' });
  const maxRank = Math.max(...view.nodes.map((node) => node.pagerank), 1e-9);
  for (const node of view.nodes) {
    graph.addNode(node.id, {
      label: node.label,
      size: 5 + 13 * Math.sqrt(node.pagerank / maxRank),
      image: pictogram(node.type),
      pictogramColor: '#ffffff',
      community: node.community,
      nodeType: node.type,
    });
  }
  const typeOf = new Map(view.nodes.map((node) => [node.id, node.type]));
  for (const edge of view.edges) {
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    const group = linkGroup(
      edge.types,
      [typeOf.get(edge.source), typeOf.get(edge.target)].filter((t) => t !== undefined),
    );
    graph.addEdgeWithKey(edgeKey(edge), edge.source, edge.target, {
      size: Math.min(6, 0.8 + edge.weight * 0.7),
      color: linkGroupColours[group],
      weak: edge.weak,
    });
  }
  // Communities start packed apart; ForceAtlas2 then spreads each one out. Sizes are respected
  // (no overlapping discs) where the graph is small enough to do without Barnes–Hut.
  circlepack.assign(graph, { hierarchyAttributes: ['community'], scale: 40 * Math.sqrt(graph.order) });
  if (graph.order > 1) {
    const large = graph.order > 800;
    forceAtlas2.assign(graph, {
      iterations: large ? 80 : 400,
      settings: {
        ...forceAtlas2.inferSettings(graph),
        scalingRatio: 12,
        gravity: 0.5,
        adjustSizes: !large,
        barnesHutOptimize: large,
      },
    });
  }
  return graph;
}

/**
 * The link chart (sigma.js on graphology, WebGL): one renderer created in one effect and killed in
 * its cleanup; selection, replay and filters change only the reducers, so nothing is laid out again.
 */
export const NetworkChart = forwardRef<NetworkChartHandle, NetworkChartProps>(function NetworkChart(props, ref) {
  const { view } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const rendererRef = useRef<Sigma | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const graph = useMemo(() => layoutGraph(view), [view]);
  const nodesById = useMemo(() => new Map(view.nodes.map((node) => [node.id, node])), [view]);
  const edgesByKey = useMemo(() => new Map(view.edges.map((edge) => [edgeKey(edge), edge])), [view]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const renderer = new Sigma(graph, container, {
      nodeProgramClasses: { pictogram: NodeProgram, circle: NodeCircleProgram },
      // Pictograms cost a texture lookup per pixel; past `pictogramLimit` nodes they are too small
      // to read anyway, and plain discs keep a software-rendered chart moving.
      defaultNodeType: graph.order > pictogramLimit ? 'circle' : 'pictogram',
      enableEdgeEvents: true,
      labelRenderedSizeThreshold: 9,
      labelFont: 'system-ui, sans-serif',
      zIndex: true,
      // A large chart stays responsive while dragged or zoomed: links and labels return on release.
      hideEdgesOnMove: graph.size > 3000,
      hideLabelsOnMove: graph.order > 1000,
    });
    rendererRef.current = renderer;
    renderer.on('clickNode', ({ node }) => latest.current.onSelectNode(node));
    renderer.on('clickEdge', ({ edge }) => latest.current.onSelectEdge(edge));
    renderer.on('clickStage', () => latest.current.onSelectNode(null));
    container.dataset.chartState = 'ready';
    return () => {
      container.dataset.chartState = 'removed';
      rendererRef.current = null;
      renderer.kill();
    };
  }, [graph]);

  // Reducers read the latest props; a change of selection, month or filter only refreshes.
  useEffect(() => {
    const renderer = rendererRef.current;
    if (!renderer) return;
    const { isEdgeHidden, selectedNode, selectedEdge, community, communityOf, pathNodes } = props;
    const active = new Set<string>();
    for (const edge of view.edges) {
      if (isEdgeHidden(edge)) continue;
      active.add(edge.source);
      active.add(edge.target);
    }
    const neighbours = new Set(
      pathNodes ??
        (selectedNode && graph.hasNode(selectedNode) ? [selectedNode, ...graph.neighbors(selectedNode)] : []),
    );
    renderer.setSetting('nodeReducer', (id, attributes) => {
      const node = nodesById.get(id);
      const own = node ? communityOf(node) : 0;
      const dim =
        (!active.has(id) && id !== selectedNode) ||
        (community !== null && own !== community) ||
        (selectedNode !== null && !neighbours.has(id));
      return {
        ...attributes,
        color: dim ? faded : communityColour(own),
        label: dim && id !== selectedNode ? '' : attributes.label,
        highlighted: id === selectedNode,
        forceLabel: id === selectedNode,
        zIndex: dim ? 0 : 1,
      };
    });
    renderer.setSetting('edgeReducer', (key, attributes) => {
      const edge = edgesByKey.get(key);
      const hidden = !edge || isEdgeHidden(edge);
      const touchesSelection =
        edge !== undefined &&
        (pathNodes
          ? pathNodes.has(edge.source) && pathNodes.has(edge.target)
          : selectedNode !== null && (edge.source === selectedNode || edge.target === selectedNode));
      return {
        ...attributes,
        hidden,
        color:
          key === selectedEdge
            ? '#111111'
            : (selectedNode !== null || pathNodes) && !touchesSelection
              ? '#eeeeee'
              : attributes.color,
        size: key === selectedEdge ? (attributes.size as number) + 2 : attributes.size,
        zIndex: touchesSelection || key === selectedEdge ? 1 : 0,
      };
    });
    renderer.refresh();
  }, [props, view, graph, nodesById, edgesByKey]);

  useImperativeHandle(ref, () => ({
    toPng: () =>
      new Promise<Blob | null>((resolve) => {
        const renderer = rendererRef.current;
        if (!renderer) return resolve(null);
        // Read the WebGL layers right after a render, before the browser clears them.
        renderer.once('afterRender', () => {
          const { width, height } = renderer.getDimensions();
          const ratio = window.devicePixelRatio || 1;
          const canvas = document.createElement('canvas');
          canvas.width = width * ratio;
          canvas.height = height * ratio;
          const context = canvas.getContext('2d');
          if (!context) return resolve(null);
          context.fillStyle = '#ffffff';
          context.fillRect(0, 0, canvas.width, canvas.height);
          for (const layer of ['edges', 'nodes', 'edgeLabels', 'labels'] as const) {
            const source = renderer.getCanvases()[layer];
            if (source) context.drawImage(source, 0, 0, canvas.width, canvas.height);
          }
          canvas.toBlob(resolve, 'image/png');
        });
        renderer.refresh();
      }),
  }));

  return (
    <div
      ref={containerRef}
      className="network-chart"
      data-testid="network-chart"
      role="img"
      aria-label={`Link chart: ${view.nodes.length} people, places and vehicles, ${view.edges.length} links. The table "People at the centre" lists the same network as text.`}
    />
  );
});
