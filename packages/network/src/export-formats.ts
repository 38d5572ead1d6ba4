import type { NetworkView } from '@lantern/domain';
import { stringify } from 'csv-stringify/sync';
import Graph from 'graphology';
import { write as writeGexf } from 'graphology-gexf';
import { create } from 'xmlbuilder2';

/**
 * A network view written for other tools: GraphML and GEXF (Gephi, yEd, networkx), CSV node and
 * edge files laid out for i2 Analyst's Notebook's import wizard, and i2's own ANX exchange XML.
 * Every format carries the view's labels as the caller saw them (pseudonymised children stay
 * pseudonymised) and the metrics computed for it.
 */

const nodeColumns = [
  'id',
  'type',
  'label',
  'detail',
  'districtCode',
  'degree',
  'betweenness',
  'pagerank',
  'eigenvector',
  'community',
  'core',
] as const;
const edgeColumns = [
  'source',
  'target',
  'types',
  'weight',
  'first',
  'last',
  'bestGrade',
  'worstGrade',
  'records',
] as const;

const nodeRow = (node: NetworkView['nodes'][number]) => nodeColumns.map((column) => node[column] ?? '');
const edgeRow = (edge: NetworkView['edges'][number]) =>
  edgeColumns.map((column) => {
    const value = edge[column];
    return Array.isArray(value) ? value.join(';') : (value ?? '');
  });

/**
 * The nodes as CSV: one row per node with its metrics.
 *
 * @example
 * networkNodesCsv(view); // → 'id,type,label,…\r\n5f0c…,associate,Dean Walsh,…'
 */
export function networkNodesCsv(view: NetworkView): string {
  return stringify([[...nodeColumns], ...view.nodes.map(nodeRow)], { record_delimiter: 'windows' });
}

/** The edges as CSV: link types and record ids separated by semicolons. */
export function networkEdgesCsv(view: NetworkView): string {
  return stringify([[...edgeColumns], ...view.edges.map(edgeRow)], { record_delimiter: 'windows' });
}

/** GraphML 1.0 with typed keys for every node and edge attribute. */
export function networkGraphml(view: NetworkView): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('graphml', {
    xmlns: 'http://graphml.graphdrawing.org/xmlns',
  });
  const numeric = new Set(['degree', 'betweenness', 'pagerank', 'eigenvector', 'community', 'core', 'weight']);
  const keyType = (name: string) =>
    numeric.has(name)
      ? name === 'degree' || name === 'community' || name === 'core' || name === 'weight'
        ? 'int'
        : 'double'
      : 'string';
  for (const name of nodeColumns.slice(1))
    root.ele('key', { id: `n_${name}`, for: 'node', 'attr.name': name, 'attr.type': keyType(name) });
  for (const name of edgeColumns.slice(2))
    root.ele('key', { id: `e_${name}`, for: 'edge', 'attr.name': name, 'attr.type': keyType(name) });
  const graph = root.ele('graph', { id: 'lantern', edgedefault: 'undirected' });
  for (const node of view.nodes) {
    const element = graph.ele('node', { id: node.id });
    nodeColumns.slice(1).forEach((name, i) => {
      const value = nodeRow(node)[i + 1];
      if (value !== '') element.ele('data', { key: `n_${name}` }).txt(String(value));
    });
  }
  view.edges.forEach((edge, index) => {
    const element = graph.ele('edge', { id: `e${index}`, source: edge.source, target: edge.target });
    edgeColumns.slice(2).forEach((name, i) => {
      const value = edgeRow(edge)[i + 2];
      if (value !== '') element.ele('data', { key: `e_${name}` }).txt(String(value));
    });
  });
  return root.end({ prettyPrint: true });
}

/** GEXF 1.3 (graphology-gexf), with the metrics as node attributes. */
export function networkGexf(view: NetworkView): string {
  const graph = new Graph({ type: 'undirected' });
  for (const node of view.nodes) {
    const { id, label, type, degree, betweenness, pagerank, eigenvector, community, core, districtCode } = node;
    graph.addNode(id, {
      label,
      type,
      degree,
      betweenness,
      pagerank,
      eigenvector,
      community,
      core,
      district: districtCode ?? '',
    });
  }
  for (const edge of view.edges) {
    graph.addEdge(edge.source, edge.target, {
      weight: edge.weight,
      types: edge.types.join(';'),
      first: edge.first,
      last: edge.last,
      records: edge.records.join(';'),
    });
  }
  return writeGexf(graph, { pretty: true });
}

const anxIcon: Record<NetworkView['nodes'][number]['type'], string> = {
  child: 'Person',
  associate: 'Person',
  place: 'Location',
  vehicle: 'Vehicle',
  intelligence_report: 'Document',
  missing_episode: 'Event',
};

/**
 * i2 Analyst's Notebook exchange XML (ANX): an entity per node with its icon type and metrics
 * as attributes, a link per edge labelled with its link types and carrying its weight.
 */
export function networkAnx(view: NetworkView): string {
  const chart = create({ version: '1.0', encoding: 'UTF-8' }).ele('Chart', { IdReferenceLinking: 'false' });
  const classes = chart.ele('AttributeClassCollection');
  for (const name of ['Lantern type', 'District', 'Degree', 'Betweenness', 'PageRank', 'Community', 'Core']) {
    classes.ele('AttributeClass', {
      Name: name,
      Type: name === 'Lantern type' || name === 'District' ? 'AttText' : 'AttNumber',
    });
  }
  const entityTypes = chart.ele('EntityTypeCollection');
  for (const icon of new Set(Object.values(anxIcon))) entityTypes.ele('EntityType', { Name: icon, IconFile: icon });
  chart.ele('LinkTypeCollection').ele('LinkType', { Name: 'Link' });
  const items = chart.ele('ChartItemCollection');
  view.nodes.forEach((node, index) => {
    const item = items.ele('ChartItem', { Label: node.label, Description: node.detail ?? '' });
    const angle = (2 * Math.PI * index) / Math.max(1, view.nodes.length);
    item
      .ele('End', { X: Math.round(2000 * Math.cos(angle)), Y: Math.round(2000 * Math.sin(angle)) })
      .ele('Entity', { EntityId: node.id, Identity: node.id, LabelIsIdentity: 'false' })
      .ele('Icon')
      .ele('IconStyle', { Type: anxIcon[node.type] });
    const attributes = item.ele('AttributeCollection');
    const values: [string, string | number][] = [
      ['Lantern type', node.type],
      ['District', node.districtCode ?? ''],
      ['Degree', node.degree],
      ['Betweenness', node.betweenness],
      ['PageRank', node.pagerank],
      ['Community', node.community],
      ['Core', node.core],
    ];
    for (const [name, value] of values) attributes.ele('Attribute', { AttributeClass: name, Value: String(value) });
  });
  for (const edge of view.edges) {
    items
      .ele('ChartItem', {
        Label: edge.types.join(', '),
        Description: `${edge.first} to ${edge.last}; ${edge.weight} link(s)`,
      })
      .ele('Link', { End1Id: edge.source, End2Id: edge.target })
      .ele('LinkStyle', {
        Type: 'Link',
        ArrowStyle: 'ArrowNone',
        MlStyle: 'MultiplicityMultiple',
        LineWidth: Math.min(5, edge.weight),
      });
  }
  return chart.end({ prettyPrint: true });
}
