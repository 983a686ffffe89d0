/** Number formats for the fragment: significant digits without exponent notation. */
export function sig(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const p = Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(x))));
  return String(Number(x.toFixed(Math.min(p, 12))));
}

export const days = (x: number): string => `${sig(x)} days`;
export const pct = (x: number, digits = 1): string => `${(100 * x).toFixed(digits)}%`;
export const int = (n: number): string => Math.round(n).toLocaleString('en-GB');
