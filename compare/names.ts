/** "Did you mean" for series, unit and strategy names (edit distance, case ignored). */
export function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

export function didYouMean(word: string, options: readonly string[]): string | undefined {
  let best: string | undefined, bestD = Infinity;
  for (const o of options) {
    const d = distance(word.toLowerCase(), o.toLowerCase());
    if (d < bestD) { best = o; bestD = d; }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? `did you mean \`${best}\`?` : undefined;
}
