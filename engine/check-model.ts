/**
 * A guard at the engine's door: models usually come from the scenario compiler, which
 * reports problems with file positions; this catches hand-built models (library users,
 * tests) with a SimulationError naming the unit and the field, before any event runs.
 */
import { SimulationError } from './errors.js';
import { distProblem } from './distributions.js';
import type { Model, Route } from './model.js';
import { ID_MASK } from './events.js';

export function checkModel(m: Model): void {
  const U = m.units.length,
    E = m.exits.length,
    C = m.cohorts.length;
  const bad = (msg: string, unit: string | null = null): never => {
    throw new SimulationError('BAD_MODEL', msg, { unit });
  };
  if (!(m.horizon > 0) || !(m.warmup >= 0)) bad('horizon must be > 0 and warmup >= 0 minutes');
  if (C < 1) bad('a model needs at least one cohort');
  if (U >= ID_MASK || m.sources.length >= ID_MASK) bad('too many units or sources');
  const checkRoute = (r: Route, where: string, unit: string | null) => {
    if (r.dest.length === 0 || r.dest.length !== r.cum.length)
      bad(`${where}: a route needs destinations and cumulative probabilities`, unit);
    for (const d of r.dest)
      if (!Number.isInteger(d) || d >= U || d < -E) bad(`${where}: destination code ${d} is neither a unit nor an exit`, unit);
    if (Math.abs(r.cum[r.cum.length - 1] - 1) > 1e-9) bad(`${where}: probabilities must add up to 1`, unit);
  };
  for (const u of m.units) {
    if (!(u.capacity >= 0)) bad('capacity must be >= 0', u.name);
    if (!(u.queue >= 0)) bad('queue must be >= 0', u.name);
    if (u.service.length !== C) bad(`service needs one distribution per cohort (${C})`, u.name);
    if (u.next.length !== C) bad(`next needs one route per cohort (${C})`, u.name);
    for (const d of u.service) {
      const p = distProblem(d);
      if (p) bad(`service: ${p}`, u.name);
    }
    for (const d of Object.values(u.handoff)) {
      const p = distProblem(d);
      if (p) bad(`handoff: ${p}`, u.name);
    }
    if (u.patience) {
      const p = distProblem(u.patience);
      if (p) bad(`patience: ${p}`, u.name);
    }
    u.next.forEach((r) => checkRoute(r, 'next', u.name));
    if (u.full >= U || u.overflow >= U) bad('full/overflow names no unit', u.name);
    for (const alt of Object.values(u.ifFull ?? {}))
      if (!Number.isInteger(alt) || alt >= U || alt < -E) bad(`ifFull: ${alt} is neither a unit nor an exit`, u.name);
    if (u.discharge && u.discharge.open.length !== 168) bad('discharge window needs 168 hourly flags', u.name);
    if (u.schedule && (u.schedule.at.length === 0 || u.schedule.at.length !== u.schedule.cap.length))
      bad('schedule needs matching times and capacities', u.name);
    // The engine walks a schedule by index, one breakpoint after another.
    if (u.schedule && !u.schedule.at.every((t, i, at) => Number.isFinite(t) && (i === 0 || t >= at[i - 1])))
      bad('schedule times must be finite and in increasing order', u.name);
  }
  const G = m.staff?.length ?? 0;
  for (const g of m.staff ?? []) {
    if (!(g.wte >= 0 && g.establishment >= 0 && g.contactPerWte >= 0 && g.costPerDay >= 0))
      bad(`staff ${g.name}: WTE, contact time and cost must be >= 0`);
    if (!(g.leave >= 0 && g.leave <= 1)) bad(`staff ${g.name}: leave must lie between 0 and 1`);
    const p = distProblem(g.absence);
    if (p) bad(`staff ${g.name}: absence: ${p}`);
    const r = g.roster;
    if (
      r &&
      (r.at.length === 0 ||
        r.at.length !== r.cap.length ||
        !r.at.every((t, i, at) => Number.isFinite(t) && (i === 0 || t >= at[i - 1])) ||
        !r.cap.every((c) => c >= 0 && c < Infinity))
    )
      bad(`staff ${g.name}: roster needs increasing finite times and levels >= 0`);
  }
  for (const u of m.units) {
    const sf = u.staffing;
    if (!sf) continue;
    if (!Number.isInteger(sf.group) || sf.group < 0 || sf.group >= G) bad(`staffing: group ${sf.group} is not a staff group`, u.name);
    if (!(sf.share >= 0 && sf.share <= 1) || !(sf.perPlace > 0 && sf.perPlace < Infinity))
      bad('staffing: share must lie between 0 and 1 and perPlace be > 0', u.name);
    if (sf.hourCostPerPlaceDay !== undefined && !(sf.hourCostPerPlaceDay >= 0 && sf.hourCostPerPlaceDay < Infinity))
      bad('staffing: the cost of an occupied place-day bought by the hour must be finite and >= 0', u.name);
  }
  for (const s of m.sources) {
    if (s.to.length !== C) bad(`source ${s.name}: needs one route per cohort`);
    s.to.forEach((r) => checkRoute(r, `source ${s.name}`, null));
    if (!(s.rate >= 0) || !Number.isFinite(s.rate)) bad(`source ${s.name}: rate must be a finite number >= 0`);
    if (s.profile && s.profile.length !== 168) bad(`source ${s.name}: profile needs 168 hourly factors`);
    if (s.cohort >= C) bad(`source ${s.name}: cohort ${s.cohort} does not exist`);
    if (s.cohort < 0 && s.cohortMix.length !== C) bad(`source ${s.name}: cohort mix needs one entry per cohort`);
    if (s.timetable && !(s.timetable.period > 0)) bad(`source ${s.name}: timetable period must be > 0`);
  }
}
