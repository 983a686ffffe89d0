/** Formatting of the benchmark tables and verdicts (plain text, one line per row). */

export const fmt = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
export const mega = (x: number) => (Number.isFinite(x) ? `${(x / 1e6).toFixed(2)} M` : 'n/a');

export function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const w = head.map((_, i) => cells.reduce((m, r) => Math.max(m, (r[i] ?? '').length), 0));
  return cells.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ')).join('\n');
}

/** "met" / "MISSED" with the measured value and the target, for the closing checklist. */
export function verdict(label: string, ok: boolean | null, detail: string): string {
  const v = ok === null ? 'n/a   ' : ok ? 'met   ' : 'MISSED';
  return `  [${v}] ${label}: ${detail}`;
}

/**
 * Agreement of two Monte Carlo estimates: |a - b| / sqrt(2) se, taking the reference's
 * standard error equal to ours (same model, same number of replications). |z| < 3 agrees.
 */
export function agree(label: string, ours: number, ref: number, se: number): string {
  const z = (ours - ref) / (Math.SQRT2 * se);
  const ok = Math.abs(z) < 3;
  return `  ${ok ? 'agree   ' : 'DISAGREE'} ${label}: caresim ${fmt(ours, 4)} (se ${fmt(se, 4)}) vs reference ${fmt(ref, 4)}, z = ${fmt(z, 2)}`;
}
