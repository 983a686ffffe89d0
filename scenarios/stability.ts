/**
 * The static stability check: warns about each unit whose offered load, from the whole
 * expected stay (load-estimate.ts), reaches 1 over the measured period or in a window of
 * it. What the warning says depends on where the excess goes, so it is true: a queue
 * without limit or patience grows without bound; otherwise the excess is lost, diverted,
 * re-routed, reneges or waits in the places of the unit that sent it.
 */
import type { Model } from '../engine/index.js';
import { DAY } from '../engine/index.js';
import type { Diagnostics, Loc } from './errors.js';
import { routeProbs } from './routing.js';
import { trafficRates } from './network.js';
import { estimateLoads, type UnitLoad } from './load-estimate.js';
import { CompileMemo } from './compile-memo.js';

/** Occupancy above which beds are commonly said to be unsafe (NHS planning figure). */
export const SAFE_LOAD = 0.92;

const f = (x: number) => (Number.isFinite(x) ? String(Number(x.toPrecision(3))) : 'unbounded');
const fd = (minutes: number) => f(minutes / DAY);
const name = (model: Model, d: number) => `\`${model.units[d].name}\``;

/** `t0`: the run's t = 0 in minutes since 1970-01-01, to name the dates of a peak. */
export function date(t0: number | undefined, t: number): string {
  if (t0 === undefined) return `day ${Math.round(t / DAY)}`;
  return new Date((t0 + t) * 60_000).toISOString().slice(0, 10);
}

/** Where the excess of unit u goes, in words, and whether some of it queues without limit. */
function outlets(model: Model, u: number, lam: number[][]): { grows: boolean; words: string[] } {
  const unit = model.units[u];
  const words: string[] = [],
    waitIn: string[] = [];
  let grows = false;
  const external = model.sources.some((s) => s.to.some((r) => (routeProbs(r).get(u) ?? 0) > 0));
  const senders = new Map<number, boolean>();
  model.units.forEach((v, i) =>
    v.next.forEach((r, c) => {
      if (lam[c][i] > 0 && (routeProbs(r).get(u) ?? 0) > 0) senders.set(i, senders.get(i) === true || v.ifFull?.[String(u)] === undefined);
    }),
  );
  const queued = external || [...senders.values()].some(Boolean);
  if (queued && unit.queue > 0 && unit.patience) words.push(unit.overflow >= 0 ? `renege to ${name(model, unit.overflow)}` : 'renege');
  else if (queued && unit.queue === Infinity) grows = true;
  if (external && Number.isFinite(unit.queue)) words.push(unit.full >= 0 ? `are diverted to ${name(model, unit.full)}` : 'are lost');
  for (const [v, blocks] of senders) {
    if (!blocks) words.push(`are re-routed by \`if_full\` of ${name(model, v)}`);
    else if (Number.isFinite(unit.queue)) waitIn.push(name(model, v));
  }
  if (waitIn.length > 0) words.push(`wait in the places of ${waitIn.join(', ')} (blocking after service), which fill up`);
  return { grows, words };
}

function stayText(model: Model, L: UnitLoad): string {
  const p = L.parts;
  const where = L.waitsFor.map((d) => name(model, d)).join(', ');
  const bits = [`service ${fd(p.service)}`];
  if (p.handoff > 0) bits.push(`hand-off ${fd(p.handoff)}`);
  if (p.window > 0) bits.push(`discharge window ${fd(p.window)}`);
  if (p.blocking > 0) bits.push(`waiting for a place downstream${where ? ` in ${where}` : ''} ${fd(p.blocking)}`);
  const stay = p.service + p.handoff + p.window + p.blocking;
  return `${f(L.rate * DAY)} patients a day x ${fd(stay)} days in a place (${bits.join(' + ')}) / ${f(L.places)} places`;
}

function placesHint(L: UnitLoad): string {
  if (!Number.isFinite(L.peak.work)) return 'no number of places is enough while its patients wait for themselves';
  const work = L.peak.work,
    atPeak = L.peak.rho > L.rho * (1 + 1e-6) ? ' at the peak' : '';
  // The fewest places that keep the load under `limit`. The work of a load of exactly 1 comes out
  // a rounding error below the places (1/day x 1 day: 0.9999999999999999), and that many places
  // leave it at 1: the tolerance asks for one more.
  const under = (limit: number) => Math.floor((work / limit) * (1 + 1e-9)) + 1;
  const places = (n: number) => `${n} place${n === 1 ? '' : 's'}`;
  return `${places(under(1))}${atPeak} bring the offered load under 1 and ${under(SAFE_LOAD)} under ${SAFE_LOAD} (now ${f(L.peak.places)})`;
}

/**
 * Warns about units at or above full load. `warned` holds units already reported (for
 * the baseline), so strategies only add the units they make unstable.
 */
export function checkStability(
  model: Model,
  diags: Diagnostics,
  unitLoc: Map<string, Loc>,
  label: string,
  warned: Set<string> = new Set(),
  t0?: number,
  memo: CompileMemo = new CompileMemo(),
): void {
  const loads = estimateLoads(model, memo);
  const lam = trafficRates(model);
  loads.forEach((L, u) => {
    const unit = model.units[u];
    if (!L || L.rate <= 0 || !(L.peak.rho >= 1 - 1e-9) || warned.has(`unstable:${unit.name}`)) return;
    warned.add(`unstable:${unit.name}`);
    const at = unitLoc.get(unit.name) ?? { file: '<scenario>', line: 1, col: 1 };
    const path = `units.${unit.name}`;
    // A unit filled by patients waiting for a short unit downstream is explained by the
    // short unit's own warning, which names the units its patients wait in.
    if (L.short.length > 0 && L.short.some((d) => d !== u)) return;
    const out = outlets(model, u, lam);
    const above = L.windows.filter((w) => w.rho >= 1 - 1e-9);
    const whole = L.rho >= 1 - 1e-9;
    const when = whole
      ? `${f(L.rho)} over the measured period`
      : `${f(L.peak.rho)} at its peak, above 1 in ${above.length} of ${L.windows.length} periods of about a month between ${date(t0, above[0].from)} and ${date(t0, above[above.length - 1].to)} (${f(L.rho)} over the measured period)`;
    const head = `offered load of \`${unit.name}\` is ${when}${label}: ${stayText(model, L)}`;
    if (out.grows) {
      diags.warn('unstable', at, path, head, {
        expected: whole
          ? 'an offered load below 1; at or above 1 the queue grows without bound and averages over the run mean nothing'
          : 'an offered load below 1 throughout; while it is above 1 the queue builds up, and the averages over the run hide it',
        hint: `${placesHint(L)}; or shorten the stay, or send fewer patients here`,
      });
      return;
    }
    const share = Math.max(0, 1 - 1 / (whole ? L.rho : L.peak.rho));
    const perDay = share * (whole ? L.rate : L.peak.rate) * DAY;
    // At a load of exactly 1 the bound above is 0%, which would read as "nothing is lost"; the
    // share then depends on the variability of arrivals and stays, so it is not given.
    const lost =
      share >= 0.005
        ? `at least about ${f(100 * share)}% of the patients offered (${f(perDay)} a day${whole ? '' : ' at the peak'})`
        : `a share of the patients offered${whole ? '' : ' at the peak'} that grows with the variability of arrivals and stays`;
    diags.warn('overloaded', at, path, head, {
      expected: `an offered load below 1; at or above it ${lost} find no place and ${out.words.join(', or ') || 'cannot be served'}`,
      hint: `${placesHint(L)}, if that is not intended`,
    });
  });
}
