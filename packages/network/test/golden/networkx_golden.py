"""Expected network metrics from networkx, for packages/network/src/golden.test.ts.

Reads every in/<name>.json (nodes, weighted undirected edges, and the communities Lantern found)
and writes out/<name>.json with networkx's figures for the same graph:

- degree: G.degree (neighbours, unweighted)
- betweenness: nx.betweenness_centrality(G, normalized=True) (unweighted)
- pagerank: nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-12, max_iter=10000); the default
  tol=1e-6 stops early, so the exact fixed point is compared
- eigenvector: nx.eigenvector_centrality_numpy per connected component (networkx refuses a
  disconnected graph); a two-node component by numpy's dense eigensolver (scipy's sparse one needs
  three nodes), an isolated node 0
- core: nx.core_number(G)
- modularity: nx.community.modularity(G, lantern_communities, weight="weight", resolution=1)
- louvain_best: the best modularity of nx.community.louvain_communities(G, weight="weight",
  resolution=1, seed=s) over seeds 1..5

Run: python3 networkx_golden.py   (networkx 3.x, numpy, scipy)
"""
import json
import pathlib

import networkx as nx
import numpy as np

here = pathlib.Path(__file__).parent


def eigenvector_by_component(G):
    result = {}
    for component in nx.connected_components(G):
        nodes = sorted(component)
        if len(nodes) == 1:
            result[nodes[0]] = 0.0
            continue
        H = G.subgraph(nodes)
        if len(nodes) == 2:
            A = nx.to_numpy_array(H, nodelist=nodes, weight=None)
            values, vectors = np.linalg.eigh(A)
            v = np.abs(vectors[:, np.argmax(values)])
            v = v / np.linalg.norm(v)
            result.update(dict(zip(nodes, v.tolist())))
            continue
        result.update(nx.eigenvector_centrality_numpy(H))
    return result


for source in sorted((here / "in").glob("*.json")):
    data = json.loads(source.read_text())
    G = nx.Graph()
    G.add_nodes_from(data["nodes"])
    for s, t, w in data["edges"]:
        G.add_edge(s, t, weight=w)
    groups = {}
    for node, community in data["communities"].items():
        groups.setdefault(community, set()).add(node)
    lantern_partition = list(groups.values())
    best = max(
        nx.community.modularity(
            G, nx.community.louvain_communities(G, weight="weight", resolution=1, seed=seed), weight="weight"
        )
        for seed in range(1, 6)
    )
    expected = {
        "networkx": nx.__version__,
        "degree": dict(G.degree()),
        "betweenness": nx.betweenness_centrality(G, normalized=True),
        "pagerank": nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-12, max_iter=10000),
        "eigenvector": eigenvector_by_component(G),
        "core": nx.core_number(G),
        "modularity": nx.community.modularity(G, lantern_partition, weight="weight", resolution=1),
        "louvain_best": best,
    }
    (here / "out" / source.name).write_text(json.dumps(expected, indent=1, sort_keys=True) + "\n")
    print(f"{source.name}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges, "
          f"modularity {expected['modularity']:.6f}, networkx louvain best {best:.6f}")
