/** The sweep: each headline measure against the swept value, with the baseline marked where it stands. */
import { type Results, shownHeadlineKpis } from '../../results/index.js';
import { sweepChart } from '../charts/sweep.js';
import { BASELINE, sweepPoints } from '../data.js';
import { hasMean } from '../format.js';
import { pathLabel } from '../labels.js';
import { chartGrid, section } from './section.js';

/** The baseline's value of the swept key: the `from` of any sweep point's change of it. */
export function baselineValue(r: Results, path: string): number | null {
  for (const p of r.sweep?.points ?? []) {
    const c = r.strategies[p.strategy]?.changes?.find((x) => x.path === path);
    const v = c ? Number(c.from) : NaN;
    if (Number.isFinite(v)) return v;
  }
  return null;
}

export function sweepSection(root: HTMLElement, r: Results): void {
  if (!r.sweep || r.sweep.paths.length === 0) return;
  const path = r.sweep.paths[0];
  const label = pathLabel(r, path);
  const s = section(
    root,
    'sweep',
    `What changes as ${label} varies`,
    'Line: the average; dark band: its 95% CI; light band, where shown: the 10th to 90th percentile of simulated years; ring: the baseline.',
  );
  const g = chartGrid(s);
  const bx = baselineValue(r, path);
  for (const kpi of shownHeadlineKpis(r)) {
    const pts = sweepPoints(r, kpi);
    if (pts.length === 0) continue;
    const b = r.strategies[BASELINE]?.kpis?.[kpi];
    sweepChart(g, kpi, pts, { pathLabel: label, baseline: bx !== null && hasMean(b) ? { x: bx, stat: b } : undefined });
  }
}
