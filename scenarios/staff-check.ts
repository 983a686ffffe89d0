/**
 * `check` on staffed units: the places their staff cover at the mean absence, used by the
 * load estimate, and the warning `understaffed` when the funded places need more staff than
 * there are (those places cannot be used; the planner should know before trusting them).
 */
import type { Model } from '../engine/index.js';
import { NOWHERE, type Diagnostics } from './errors.js';
import { child, entry, type SNode } from './tree.js';
import { distMean } from '../engine/index.js';
import { meanCapacity } from './network.js';
import { HOUR } from '../engine/index.js';

/** Places a staffed unit's share of its group covers a day at the group's mean absence (not floored). */
export function staffBudget(model: Model, u: number): number {
  const sf = model.units[u].staffing!,
    g = model.staff![sf.group];
  const available = g.wte * Math.max(0, 1 - g.leave - distMean(g.absence));
  return (sf.share * available * g.contactPerWte) / sf.perPlace;
}

/** Mean places over [from, to): funded places, or what staff cover when fewer. */
export function usableMeanCapacity(model: Model, u: number, from: number, to: number): number {
  const unit = model.units[u];
  const funded = meanCapacity(unit.capacity, unit.schedule, from, to);
  return unit.staffing ? Math.min(funded, staffBudget(model, u)) : funded;
}

export function checkStaffing(model: Model, diags: Diagnostics, units: SNode | undefined, label: string, warned: Set<string>): void {
  model.units.forEach((unit, u) => {
    const sf = unit.staffing;
    if (!sf) return;
    const funded = meanCapacity(unit.capacity, unit.schedule, model.warmup, model.warmup + model.horizon);
    const covered = staffBudget(model, u);
    if (!(funded < Infinity) || covered >= funded - 1e-9) return;
    const key = `understaffed:${unit.name}:${Math.round(covered)}`;
    if (warned.has(key)) return;
    warned.add(key);
    const g = model.staff![sf.group];
    const perWte = (sf.share * Math.max(0, 1 - g.leave - distMean(g.absence)) * g.contactPerWte) / sf.perPlace;
    const more = perWte > 0 ? Math.ceil((funded - covered) / perWte) : Infinity;
    const r = (x: number) => Number(x.toPrecision(4)).toLocaleString('en-GB');
    const unitNode = units?.kind === 'map' ? child(units, unit.name) : undefined;
    const at = (unitNode?.kind === 'map' ? entry(unitNode, 'staff')?.keyLoc : undefined) ?? NOWHERE;
    diags.warn(
      'understaffed',
      at,
      `units.${unit.name}.staff`,
      `staff cover about ${r(covered)} of the ${r(funded)} places of \`${unit.name}\`${label}: staff group \`${g.name}\` has ${r(g.wte * Math.max(0, 1 - g.leave - distMean(g.absence)))} WTE available at its mean absence, ` +
        `${r((sf.share * g.wte * Math.max(0, 1 - g.leave - distMean(g.absence)) * g.contactPerWte) / HOUR)} contact hours a day for this unit, and a place needs ${r(sf.perPlace / HOUR)} hour${sf.perPlace === HOUR ? '' : 's'} a day`,
      {
        hint: Number.isFinite(more)
          ? `about ${more.toLocaleString('en-GB')} more WTE working (in post or agency) would cover them; until then the places without staff stay empty`
          : 'this group has no contact time: give it `establishment`, `hours` and `contact`',
      },
    );
  });
}
