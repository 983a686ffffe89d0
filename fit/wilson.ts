/** Wilson's 95% interval of a share k/n: sound near 0% and 100%, where p ± 1.96 se leaves [0, 1]. */
export function wilson(k: number, n: number): [number, number] {
  const z = 1.959964,
    p = k / n,
    d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d,
    h = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [Math.max(0, c - h), Math.min(1, c + h)];
}
