/**
 * Numbers as a board reads them: thousands separators, a true minus sign, percentages for
 * fractions, pounds for money, and as many decimals as the confidence interval justifies
 * (a CI of ±0.3 earns one decimal; a mean of 274 with a CI of ±6 earns none).
 */
import { type Stat, kpiInfo, displayValue, negligible, type KpiKind } from '../results/index.js';

export const MINUS = '\u2212';
export const NOT_MODELLED = 'not modelled';

// Whether a CI half-width is rounding in the last bits of its mean: one rule with results/.
export { negligible };

/** Whether a Stat is the same in every replication: a CI whose half-width is negligible. */
export function isExact(s: Stat): boolean {
  const [lo, hi] = s.ci95;
  return lo !== null && hi !== null && s.mean !== null && negligible((hi - lo) / 2, s.mean);
}

/** Decimals to show for a value of this size with this CI half-width. */
export function decimalsFor(magnitude: number, halfWidth: number | null = null): number {
  const m = Math.abs(magnitude);
  // Zero earns no decimals of its own (0%, not 0.000%); only a narrow interval around it does.
  let d = m >= 10 || m === 0 ? 0 : m >= 1 ? 1 : m >= 0.1 ? 2 : 3;
  // A negligible half-width is no interval: it must not earn decimals, or an exact £872,837
  // would read £872,836.956.
  if (halfWidth !== null && Number.isFinite(halfWidth) && !negligible(halfWidth, m)) {
    // One significant digit of the half-width, so the CI bounds differ when they should.
    const need = Math.ceil(-Math.log10(halfWidth));
    d = Math.max(d, Math.min(3, need));
  }
  return Math.max(0, Math.min(3, d));
}

/** A plain number with separators; `sign` adds "+" to positives. */
export function formatPlain(x: number, decimals: number, sign = false): string {
  const rounded = Number(x.toFixed(decimals));
  const text = Math.abs(rounded).toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  if (rounded < 0) return MINUS + text;
  return sign && rounded > 0 ? '+' + text : text;
}

export { displayValue };

/**
 * One value of a given kind, with its unit symbol (%, £). `millions`: money in millions or
 * not, so a mean and its CI bounds share one scale (by default: from the value's own size).
 */
export function formatValue(x: number | null | undefined, kind: KpiKind, decimals?: number, sign = false, millions?: boolean): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return NOT_MODELLED;
  const v = displayValue(x, kind);
  const d = decimals ?? decimalsFor(v);
  if (kind === 'fraction') return formatPlain(v, d, sign) + '%';
  if (kind === 'money') {
    // A system's daily cost runs to millions: "£1.248m" reads at a glance and fits a card.
    const text = (millions ?? Math.abs(v) >= 1e6) ? formatPlain(v / 1e6, 3, sign) + 'm' : formatPlain(v, d, sign);
    // The pound sign goes after the sign: −£1,200.
    return text.startsWith(MINUS) || text.startsWith('+') ? text[0] + '£' + text.slice(1) : '£' + text;
  }
  return formatPlain(v, d, sign);
}

/**
 * A change in a KPI on the shown scale: shares in plain percentage points (a "%" would read as
 * a relative change), other kinds with their unit symbol. `sign` adds "+" to rises.
 */
export function formatChange(x: number, kind: KpiKind, decimals: number, sign = true, millions?: boolean): string {
  return kind === 'fraction' ? formatPlain(displayValue(x, kind), decimals, sign) : formatValue(x, kind, decimals, sign, millions);
}

/** The unit a change in a KPI is given in: percentage points for shares, the KPI's own unit otherwise. */
export function differenceUnit(kpi: string): string {
  const info = kpiInfo(kpi);
  return info.kind === 'fraction' ? 'percentage points' : info.unit;
}

/** True when the Stat carries a usable mean. */
export function hasMean(s: Stat | undefined | null): s is Stat & { mean: number } {
  return !!s && s.mean !== null && Number.isFinite(s.mean);
}

function halfWidthOf(s: Stat, kind: KpiKind): number | null {
  const [lo, hi] = s.ci95;
  if (lo === null || hi === null) return null;
  return (displayValue(hi, kind) - displayValue(lo, kind)) / 2;
}

/** Decimals for a Stat: from its mean and its CI, on the displayed scale. */
export function statDecimals(s: Stat, kind: KpiKind): number {
  return decimalsFor(displayValue(s.mean ?? 0, kind), halfWidthOf(s, kind));
}

/** Whether a Stat of money is written in millions: when its mean or a bound of its CI runs to a million, all of them are. */
export function inMillions(s: Stat): boolean {
  return [s.mean, ...s.ci95].some((v) => v !== null && Math.abs(v) >= 1e6);
}

/** "95% CI 93.1% to 93.7%", or "" when there is no interval (one replication). */
export function formatCI(s: Stat, kind: KpiKind, decimals = statDecimals(s, kind), sign = false): string {
  const [lo, hi] = s.ci95;
  if (lo === null || hi === null) return '';
  const m = kind === 'money' ? inMillions(s) : undefined;
  return `95% CI ${formatValue(lo, kind, decimals, sign, m)} to ${formatValue(hi, kind, decimals, sign, m)}`;
}

/** "93.4% (95% CI 93.1% to 93.7%)" for a KPI Stat; "not modelled" when absent. */
export function formatStat(s: Stat | undefined | null, kind: KpiKind): string {
  if (!hasMean(s)) return NOT_MODELLED;
  const d = statDecimals(s, kind);
  const ci = formatCI(s, kind, d);
  const mean = formatValue(s.mean, kind, d, false, kind === 'money' ? inMillions(s) : undefined);
  return ci ? `${mean} (${ci})` : mean;
}

export type Verdict = 'better' | 'worse' | 'unclear' | 'changed';

/** Whether a paired difference is a clear improvement, a clear loss or within noise. */
export function verdictOf(kpi: string, diff: Stat): Verdict {
  const [lo, hi] = diff.ci95;
  const better = kpiInfo(kpi).better;
  if (lo === null || hi === null || (lo <= 0 && hi >= 0)) return 'unclear';
  if (better === null) return 'changed';
  const up = lo > 0;
  return (up && better === 'higher') || (!up && better === 'lower') ? 'better' : 'worse';
}

const VERDICT_TEXT: Record<Verdict, string> = {
  better: 'better than baseline',
  worse: 'worse than baseline',
  unclear: 'no clear difference from baseline',
  changed: 'changed from baseline',
};

export interface PlainDifference {
  text: string;
  verdict: Verdict;
  verdictText: string;
}

function negate(s: Stat): Stat {
  const [lo, hi] = s.ci95;
  return {
    mean: s.mean === null ? null : -s.mean,
    sd: s.sd,
    ci95: [hi === null ? null : -hi, lo === null ? null : -lo],
    p10: s.p90 == null ? null : -s.p90,
    p90: s.p10 == null ? null : -s.p10,
    n: s.n,
  };
}

/**
 * A paired difference in words: "−42 delayed beds a day, 95% CI −48 to −36".
 * `avoided` turns a fall into a positive count of things avoided ("12 admissions a day
 * avoided"), which is how boards speak of admissions.
 */
export function plainDifference(kpi: string, diff: Stat | undefined | null, avoided = false): PlainDifference | null {
  if (!hasMean(diff)) return null;
  const info = kpiInfo(kpi);
  const verdict = verdictOf(kpi, diff);
  if (diff.mean === 0 && diff.ci95[0] === 0 && diff.ci95[1] === 0) {
    return { text: 'no difference in any replication', verdict, verdictText: VERDICT_TEXT[verdict] };
  }
  // A rise in admissions is not "negative admissions avoided".
  if (avoided && diff.mean > 0)
    return { ...plainDifference(kpi, diff)!, text: plainDifference(kpi, diff)!.text.replace(info.noun, `more ${info.noun}`) };
  const shown = avoided ? negate(diff) : diff;
  const d = statDecimals(shown, info.kind);
  const sign = !avoided;
  const noun = info.kind === 'fraction' ? 'percentage points' : avoided ? info.noun + ' avoided' : info.noun;
  const value = `${formatChange(shown.mean!, info.kind, d, sign)} ${noun}`;
  const [lo, hi] = shown.ci95;
  const ci =
    lo === null || hi === null ? '' : `, 95% CI ${formatChange(lo, info.kind, d, sign)} to ${formatChange(hi, info.kind, d, sign)}`;
  return { text: value + ci, verdict, verdictText: VERDICT_TEXT[verdict] };
}

/** Decimals that tell apart the ticks d3 puts on [lo, hi] when asked for `count` of them. */
export function tickDecimals(lo: number, hi: number, count: number): number {
  const raw = Math.abs(hi - lo) / Math.max(1, count);
  if (!(raw > 0) || !Number.isFinite(raw)) return 0;
  const power = 10 ** Math.floor(Math.log10(raw));
  const e = raw / power;
  const step = (e >= 7.07 ? 10 : e >= 3.16 ? 5 : e >= 1.41 ? 2 : 1) * power;
  return Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
}

/** Parse a displayed number back ("−£1,234.5", "93.4%"): for tests and table sorting. */
export function parseDisplayed(text: string): number {
  const cleaned = text.replace(MINUS, '-').replace(/[£,%+\s]/g, '');
  return cleaned.endsWith('m') ? Number(cleaned.slice(0, -1)) * 1e6 : Number(cleaned);
}

/** Half the last shown digit of a displayed number: how far rounding may have moved it. */
export function displayedResolution(text: string): number {
  const digits = (text.split('.')[1] ?? '').replace(/[^0-9]/g, '').length;
  return 0.5 * 10 ** -digits * (text.trim().endsWith('m') ? 1e6 : 1);
}

/**
 * A label inside a sentence: its first letter lower case, unless the first word is an acronym
 * (ED, UCR, G&A), which keeps its capitals.
 */
export function inSentence(label: string): string {
  const first = label.split(' ')[0];
  return first.length > 1 && first === first.toUpperCase() ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/**
 * A measure's name as a table's row or column header, with the unit its figures do not carry
 * themselves: durations (hours in the ED, days elsewhere) and, for differences of shares,
 * percentage points (a figure "−7.8" next to shares is points, not a relative change).
 */
export function measureLabel(kpi: string, difference = false): string {
  const info = kpiInfo(kpi);
  if (info.kind === 'hours' || info.kind === 'days') return `${info.label} (${info.kind})`;
  if (info.kind === 'fraction' && difference) return `${info.label} (${differenceUnit(kpi)})`;
  return info.label;
}
