/**
 * `check` on staffed units: the places their staff cover at the mean absence, used by the
 * load estimate, and the warning `understaffed` when some funded places have no staff at some
 * time of the run (those places cannot be used then; the planner should know before trusting
 * them). Both follow the run's rule through time (staff-cover.ts), not the mean places alone.
 */
import type { Model } from '../engine/index.js';
import { NOWHERE, type Diagnostics } from './errors.js';
import { child, entry, type SNode } from './tree.js';
import { distMean, DAY, HOUR } from '../engine/index.js';
import { meanCapacity } from './network.js';
import { staffCover } from './staff-cover.js';
import { date } from './stability.js';

/** WTE of a group available at its mean absence. */
function availableWte(model: Model, group: number): number {
  const g = model.staff![group];
  return g.wte * Math.max(0, 1 - g.leave - distMean(g.absence));
}

/** Places a staffed unit's share of its group covers a day at the group's mean absence (not floored). */
export function staffBudget(model: Model, u: number): number {
  const sf = model.units[u].staffing!,
    g = model.staff![sf.group];
  return (sf.share * availableWte(model, sf.group) * g.contactPerWte) / sf.perPlace;
}

/** Mean places over [from, to): funded places, or what staff cover at the times they cover fewer. */
export function usableMeanCapacity(model: Model, u: number, from: number, to: number): number {
  const unit = model.units[u];
  if (!unit.staffing) return meanCapacity(unit.capacity, unit.schedule, from, to);
  return staffCover(model, u, staffBudget(model, u), from, to).covered;
}

/** `t0`: the run's t = 0 in minutes since 1970-01-01, to date the worst time. */
export function checkStaffing(
  model: Model,
  diags: Diagnostics,
  units: SNode | undefined,
  label: string,
  warned: Set<string>,
  t0?: number,
): void {
  model.units.forEach((unit, u) => {
    const sf = unit.staffing;
    if (!sf) return;
    const budget = staffBudget(model, u);
    const cover = staffCover(model, u, budget, model.warmup, model.warmup + model.horizon);
    const worst = cover.worst;
    if (!worst) return;
    const key = `understaffed:${unit.name}:${Math.round(cover.covered)}:${Math.round(worst.covered)}`;
    if (warned.has(key)) return;
    warned.add(key);
    const g = model.staff![sf.group];
    const wte = availableWte(model, sf.group);
    const perWte = (sf.share * Math.max(0, 1 - g.leave - distMean(g.absence)) * g.contactPerWte) / sf.perPlace;
    const more = perWte > 0 && Number.isFinite(cover.budgetNeeded) ? Math.ceil((cover.budgetNeeded - budget) / perWte - 1e-9) : Infinity;
    const r = (x: number) => Number(x.toPrecision(4)).toLocaleString('en-GB');
    const when = (t: number) => date(t0, t) + (t % DAY === 0 ? '' : ` ${clock(t)}`);
    const always = cover.shortShare > 1 - 1e-9 && worst.funded - worst.covered <= cover.funded - cover.covered + 1e-9;
    const times = always
      ? ''
      : `; fewer places than funded ${r(cover.shortShare * 100)}% of the time, at worst ${r(worst.covered)} of ${r(worst.funded)} (from ${when(worst.at)})`;
    const unitNode = units?.kind === 'map' ? child(units, unit.name) : undefined;
    const at = (unitNode?.kind === 'map' ? entry(unitNode, 'staff')?.keyLoc : undefined) ?? NOWHERE;
    const hours = (sf.share * wte * g.contactPerWte) / HOUR;
    diags.warn(
      'understaffed',
      at,
      `units.${unit.name}.staff`,
      `staff cover about ${r(cover.covered)} of the ${r(cover.funded)} places of \`${unit.name}\`${label} on average${times}: ` +
        `staff group \`${g.name}\` has ${r(wte)} WTE available at its mean absence, ` +
        `${r(hours)} contact hours a day for this unit, and a place needs ${r(sf.perPlace / HOUR)} hour${sf.perPlace === HOUR ? '' : 's'} a day`,
      {
        hint: Number.isFinite(more)
          ? `about ${more.toLocaleString('en-GB')} more WTE working (in post or agency) would cover every funded place at all times; until then the places without staff stay empty`
          : g.roster && perWte > 0
            ? `the roster of \`${g.name}\` has nobody on shift at times when places are funded: put staff on shift then, or fund no places then`
            : 'this group has no contact time: give it `establishment`, `hours` and `contact`',
      },
    );
  });
}

/** Time of day of t, hh:mm. */
function clock(t: number): string {
  const m = Math.round(((t % DAY) + DAY) % DAY);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
