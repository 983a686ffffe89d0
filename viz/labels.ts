/**
 * Plain names for the things a scenario names in code (units, cohorts, strategies, params,
 * staff groups). The results file's top-level `labels` carries what the scenario's `label:`
 * keys say; a name without a label is shown as it is, so an old file still reads. Also the
 * outcome range (10th–90th percentile of replication values) a Stat may carry.
 */
import type { Labels, Results, Stat } from '../results/index.js';

export type LabelKind = keyof Labels;

/** A Stat as the report reads it: `p10`/`p90` are absent from files older than the outcome range. */
export type RangedStat = Omit<Stat, 'p10' | 'p90'> & { p10?: number | null; p90?: number | null };

const own = (o: Record<string, string> | undefined, k: string): string | undefined =>
  o && Object.prototype.hasOwnProperty.call(o, k) && typeof o[k] === 'string' && o[k] !== '' ? o[k] : undefined;

/** The label of `name` of `kind`, or `name` itself. Params are tried with and without their `params.` prefix. */
export function labelOf(r: Results, kind: LabelKind, name: string): string {
  const table = r.labels?.[kind];
  const hit = own(table, name);
  if (hit) return hit;
  if (kind === 'params') {
    const alt = name.startsWith('params.') ? name.slice(7) : `params.${name}`;
    return own(table, alt) ?? name;
  }
  return name;
}

/**
 * A key path a strategy changes or a sweep varies ("params.p1_packages", "units.p1.capacity",
 * "staff.carers.agency") in plain words: its own label when it has one, else the labelled
 * unit or staff group followed by the field.
 */
export function pathLabel(r: Results, path: string): string {
  const own = labelOf(r, 'params', path);
  if (own !== path && !path.startsWith('params.')) return own;
  if (path.startsWith('params.')) return own;
  const [head, name, ...rest] = path.split('.');
  const kind: LabelKind | null = head === 'units' ? 'units' : head === 'staff' ? 'staff' : head === 'cohorts' ? 'cohorts' : null;
  if (!kind || !name) return path;
  const l = labelOf(r, kind, name);
  return l === name ? path : `${l}: ${rest.join(' ').replace(/_/g, ' ')}`.replace(/: $/, '');
}

export const unitLabel = (r: Results, u: string): string => labelOf(r, 'units', u);
export const strategyLabel = (r: Results, s: string): string => labelOf(r, 'strategies', s);
export const cohortLabel = (r: Results, c: string): string => labelOf(r, 'cohorts', c);

/** The outcome range [p10, p90] of a Stat, or null when the file does not carry it. */
export function rangeOf(s: RangedStat | null | undefined): [number, number] | null {
  const lo = s?.p10,
    hi = s?.p90;
  return typeof lo === 'number' && typeof hi === 'number' && Number.isFinite(lo) && Number.isFinite(hi) ? [lo, hi] : null;
}
