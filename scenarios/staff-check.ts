/**
 * `check` on staffed units: the places their staff cover at the mean absence, used by the
 * load estimate, and the warning `understaffed` when some funded places have no staff at some
 * time of the run (those places cannot be used then; the planner should know before trusting
 * them). Both follow the run's rule through time (staff-cover.ts), not the mean places alone.
 */
import type { Model, StaffGroup } from '../engine/index.js';
import { NOWHERE, type Diagnostics } from './errors.js';
import { child, entry, type SNode } from './tree.js';
import { distMean, DAY, HOUR } from '../engine/index.js';
import { meanCapacity } from './network.js';
import { staffCover } from './staff-cover.js';
import { date } from './stability.js';
import { MAX_WTE } from './compile-staff.js';

/** Share of a group's WTE at work at its mean absence (not on leave, not absent). */
const atWork = (g: StaffGroup) => Math.max(0, 1 - g.leave - distMean(g.absence));

/** WTE of a group available at its mean absence. */
function availableWte(model: Model, group: number): number {
  const g = model.staff![group];
  return g.wte * atWork(g);
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
    // The same numbers in another strategy say nothing new; other funded places or staff do.
    const key = `understaffed:${unit.name}:${[cover.covered, cover.funded, worst.covered, worst.funded].map((x) => x.toPrecision(4)).join(':')}`;
    if (warned.has(key)) return;
    warned.add(key);
    const g = model.staff![sf.group];
    const wte = availableWte(model, sf.group);
    const perWte = (sf.share * atWork(g) * g.contactPerWte) / sf.perPlace;
    const more = perWte > 0 && Number.isFinite(cover.budgetNeeded) ? Math.ceil((cover.budgetNeeded - budget) / perWte - 1e-9) : Infinity;
    // More WTE than any health system has (a roster level of almost nobody) is no answer either.
    const answer = more <= MAX_WTE;
    const r = (x: number) => Number(x.toPrecision(4)).toLocaleString('en-GB');
    // The time of day on the calendar: the run's t = 0 need not be a midnight (a warm-up of 20.5 days).
    const when = (t: number) => {
      const minute = ((((t0 ?? 0) + t) % DAY) + DAY) % DAY;
      return date(t0, t) + (Math.round(minute) === 0 ? '' : ` ${clock(minute)}`);
    };
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
        hint: answer
          ? `about ${more.toLocaleString('en-GB')} more WTE working (in post or agency) would cover every funded place at all times; until then the places without staff stay empty`
          : perWte > 0
            ? `the roster of \`${g.name}\` has nobody, or almost nobody, on shift at times when places are funded: put staff on shift then, or fund no places then`
            : noContact(g, sf.share),
      },
    );
  });
}

/** Why a unit's share of its group gives no contact time at all, and what to change. */
function noContact(g: StaffGroup, share: number): string {
  if (share <= 0) return "this unit has a `share` of 0% of the group: give it a share of the group's time";
  if (atWork(g) <= 0)
    return `leave (${+(g.leave * 100).toFixed(1)}%) and mean absence (${+(distMean(g.absence) * 100).toFixed(1)}%) take all of the group's time: check \`leave\` and \`absence\``;
  if (g.wte <= 0) return 'the group has no WTE working: check `establishment`, `vacancy` and `agency`';
  return 'this group has no contact time: give it `hours` and `contact`';
}

/** A minute of the day, hh:mm. */
function clock(minuteOfDay: number): string {
  const m = Math.round(minuteOfDay) % DAY;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
