import type { NetworkView } from '@lantern/domain';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { convert } from 'xmlbuilder2';
import { networkAnx, networkEdgesCsv, networkGexf, networkGraphml, networkNodesCsv } from './export-formats.ts';

type ViewNode = NetworkView['nodes'][number];
type ViewEdge = NetworkView['edges'][number];

const childId = '11111111-1111-4111-8111-111111111111';
const associateId = '22222222-2222-4222-8222-222222222222';
const placeId = '33333333-3333-4333-8333-333333333333';

function node(id: string, type: ViewNode['type'], label: string, overrides: Partial<ViewNode> = {}): ViewNode {
  return {
    id,
    type,
    label,
    detail: null,
    person: null,
    districtCode: 'E07000174',
    location: null,
    degree: 1,
    betweenness: 0,
    pagerank: 0.25,
    eigenvector: 0.5,
    community: 0,
    core: 1,
    bridgeShare: 0,
    disruption: [],
    weakDependence: null,
    withoutWeak: { community: 0, betweenness: 0, pagerank: 0.25, degree: 1 },
    ...overrides,
  };
}

function edge(source: string, target: string, overrides: Partial<ViewEdge> = {}): ViewEdge {
  return {
    source,
    target,
    types: ['associates_with'],
    weight: 1,
    first: '2025-01-01',
    last: '2025-02-01',
    records: ['r1'],
    bestGrade: '2B',
    worstGrade: '2B',
    weak: false,
    ...overrides,
  };
}

/**
 * A district view of three nodes and two edges: a child seen pseudonymised, an associate, and a
 * place whose name needs quoting in CSV.
 */
const view: NetworkView = {
  view: {
    kind: 'district',
    districtCode: 'E07000174',
    entityIds: [],
    hops: null,
    from: '2000-01-01',
    to: '2025-12-31',
    minGrade: null,
    linkTypes: null,
    nodeTypes: ['child', 'associate', 'place', 'vehicle'],
  },
  asAt: '2025-12-31T12:00:00.000Z',
  nodes: [
    node(associateId, 'associate', 'Barnaby Thistlewood', { degree: 2, betweenness: 1, pagerank: 0.5, core: 1 }),
    node(childId, 'child', 'ZQ · C-7K3Q9P · 14–15'),
    node(placeId, 'place', 'Kebab House, "Late" Bar', { community: 1, location: { lon: -1.2, lat: 53.1 } }),
  ],
  edges: [
    edge(childId, associateId, { types: ['associates_with', 'co-missing'], weight: 2, records: ['r1', 'e1'] }),
    edge(associateId, placeId, { types: ['seen_at'], bestGrade: '3E', worstGrade: '3E', weak: true }),
  ],
  modularity: 0,
  communityCount: 2,
  betweennessSample: null,
  robustness: { weakEdges: 1, modularityWithoutWeak: 0, communityAgreement: 1 },
  records: [],
  paths: [],
};

/** An element of xmlbuilder2's object form: one child is an object, several an array. */
type XmlObject = { [name: string]: XmlValue };
type XmlValue = string | XmlObject | XmlObject[];
const list = (value: XmlValue | undefined): XmlObject[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value as XmlObject];
const child = (value: XmlValue | undefined, name: string): XmlObject => {
  const found = list(value)[0]?.[name];
  if (found === undefined || typeof found === 'string' || Array.isArray(found)) {
    throw new Error(`no single <${name}> element`);
  }
  return found;
};
const parseXml = (xml: string) => convert(xml, { format: 'object' }) as XmlObject;

/** CSV rows (RFC 4180, CRLF), quoted fields unquoted. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe('networkGraphml', () => {
  it('parses as XML with one node element per node and one edge element per edge', () => {
    const graph = child(parseXml(networkGraphml(view)).graphml, 'graph');

    expect(list(graph.node).map((element) => element['@id'])).toEqual([associateId, childId, placeId]);
    expect(list(graph.edge).map((element) => [element['@source'], element['@target']])).toEqual([
      [childId, associateId],
      [associateId, placeId],
    ]);
    expect(graph['@edgedefault']).toBe('undirected');
  });

  it('carries the label as the caller saw it and the metrics as typed data', () => {
    const graph = child(parseXml(networkGraphml(view)).graphml, 'graph');
    const childNode = list(graph.node).find((element) => element['@id'] === childId);
    const data = Object.fromEntries(list(childNode?.data).map((item) => [item['@key'], item['#']]));

    expect(data).toMatchObject({ n_type: 'child', n_label: 'ZQ · C-7K3Q9P · 14–15', n_pagerank: '0.25', n_core: '1' });
  });
});

describe('networkGexf', () => {
  it('parses back (graphology-gexf) into a graph of the same nodes and edges', () => {
    const graph = parseGexf(Graph, networkGexf(view));

    expect([graph.order, graph.size]).toEqual([3, 2]);
    expect(graph.nodes().sort()).toEqual([childId, associateId, placeId].sort());
    expect(graph.hasEdge(childId, associateId)).toBe(true);
    expect(graph.hasEdge(associateId, placeId)).toBe(true);
  });

  it('keeps the labels, metrics and edge weights as attributes', () => {
    const graph = parseGexf(Graph, networkGexf(view));

    expect(graph.getNodeAttributes(associateId)).toMatchObject({
      label: 'Barnaby Thistlewood',
      type: 'associate',
      degree: 2,
      pagerank: 0.5,
    });
    expect(graph.getEdgeAttributes(graph.edge(childId, associateId))).toMatchObject({
      weight: 2,
      types: 'associates_with;co-missing',
    });
  });
});

describe('networkAnx', () => {
  it('parses as XML with an entity per node and a link per edge', () => {
    const chart = parseXml(networkAnx(view)).Chart;
    const items = list(child(chart, 'ChartItemCollection').ChartItem);
    const entities = items.filter((item) => item.End !== undefined);
    const links = items.filter((item) => item.Link !== undefined);

    expect(entities.map((item) => child(item.End, 'Entity')['@EntityId'])).toEqual([associateId, childId, placeId]);
    expect(links.map((item) => [list(item.Link)[0]?.['@End1Id'], list(item.Link)[0]?.['@End2Id']])).toEqual([
      [childId, associateId],
      [associateId, placeId],
    ]);
  });

  it('gives each entity the i2 icon type of its node type', () => {
    const chart = parseXml(networkAnx(view)).Chart;
    const items = list(child(chart, 'ChartItemCollection').ChartItem).filter((item) => item.End !== undefined);
    const icons = items.map((item) => child(child(child(item.End, 'Entity'), 'Icon'), 'IconStyle')['@Type']);

    expect(icons).toEqual(['Person', 'Person', 'Location']);
  });
});

describe('networkNodesCsv', () => {
  it('has a header and one row per node', () => {
    const rows = csvRows(networkNodesCsv(view));

    expect(rows[0]).toEqual([
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
    ]);
    expect(rows.slice(1).map((row) => row[0])).toEqual([associateId, childId, placeId]);
  });

  it('quotes a label with a comma and quotes so that it reads back whole', () => {
    const rows = csvRows(networkNodesCsv(view));

    expect(rows[3]?.slice(0, 3)).toEqual([placeId, 'place', 'Kebab House, "Late" Bar']);
    expect(rows.every((row) => row.length === 11)).toBe(true);
  });
});

describe('networkEdgesCsv', () => {
  it('has a header and one row per edge, link types and records separated by semicolons', () => {
    const rows = csvRows(networkEdgesCsv(view));

    expect(rows).toEqual([
      ['source', 'target', 'types', 'weight', 'first', 'last', 'bestGrade', 'worstGrade', 'records'],
      [childId, associateId, 'associates_with;co-missing', '2', '2025-01-01', '2025-02-01', '2B', '2B', 'r1;e1'],
      [associateId, placeId, 'seen_at', '1', '2025-01-01', '2025-02-01', '3E', '3E', 'r1'],
    ]);
  });
});
