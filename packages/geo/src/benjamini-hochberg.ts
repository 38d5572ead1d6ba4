/**
 * Benjamini–Hochberg false-discovery-rate adjusted p-values (q-values), as R's
 * `p.adjust(p, "BH")`: q_(k) = min over j ≥ k of min(1, m·p_(j)/j) for p sorted ascending, returned
 * in the input order. Testing q ≤ α controls the expected share of false discoveries at α.
 *
 * @example
 * benjaminiHochberg([0.01, 0.04, 0.03, 0.2]) // [0.04, 0.0533…, 0.0533…, 0.2]
 */
export function benjaminiHochberg(p: ArrayLike<number>): Float64Array {
  const m = p.length;
  for (let i = 0; i < m; i++) {
    const value = p[i] as number;
    if (!(value >= 0 && value <= 1)) throw new RangeError(`p[${i}] is not a probability: ${value}`);
  }
  const order = new Uint32Array(m);
  for (let i = 0; i < m; i++) order[i] = i;
  order.sort((a, b) => (p[a] as number) - (p[b] as number));
  const q = new Float64Array(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const index = order[rank - 1] as number;
    running = Math.min(running, ((p[index] as number) * m) / rank);
    q[index] = running;
  }
  return q;
}
