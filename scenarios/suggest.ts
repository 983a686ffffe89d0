/**
 * "Did you mean": the nearest name by edit distance, case ignored. Apart from the expression
 * compiler (no mathjs here), so every command that names things can use it without loading
 * the scenario language.
 */

/** Edit distance, for "did you mean". */
export function distance(a: string, b: string): number {
  const m = a.length,
    n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[n];
}

export function closest(word: string, options: Iterable<string>): string | undefined {
  let best: string | undefined,
    bestD = Infinity;
  const lw = word.toLowerCase();
  for (const o of options) {
    const d = distance(lw, o.toLowerCase());
    if (d < bestD) {
      best = o;
      bestD = d;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

export function suggestName(word: string, options: Iterable<string>): string | undefined {
  const c = closest(word, options);
  return c === undefined ? undefined : `did you mean \`${c}\`?`;
}
