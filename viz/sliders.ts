/**
 * The live viewer's sliders: which capacities a planner may move, found from unit roles in
 * the compiled baseline model, and how slider values become scenario changes. Pure and
 * isomorphic: the server builds the models, the page only shows the values.
 *
 * A plain capacity becomes a `--set units.<name>.capacity=N` override, compiled by the
 * scenario loader like any strategy. A capacity that follows a schedule (winter beds) is
 * shifted instead, every step by the same number of places: "40 more beds" then means 40
 * more all year, winter escalation on top, not a flat number that drops the winter beds.
 *
 * A scenario with a `levers:` section (scenarios/levers.ts) chooses its sliders itself: one per
 * lever, each a `--set params.<name>=V`, so every setting can be saved as a strategy.
 */
import type { Model, Unit, UnitRole } from '../engine/index.js';
import { own } from '../engine/index.js';
import type { Lever } from '../scenarios/index.js';

export interface SliderDef {
  id: string;
  label: string;
  /** Unit the slider changes; null for crisis reduction and levers. */
  unit: string | null;
  /** A lever's `set:` path (`params.<name>`); absent for the automatic sliders. */
  path?: string;
  /** The unit's capacity follows a schedule: moves shift it (value = its first step). */
  scheduled: boolean;
  min: number;
  max: number;
  step: number;
  /** The scenario's own value. */
  value: number;
  suffix: string;
}

const CAPACITY_SLIDERS: { role: UnitRole; label: string; suffix: string }[] = [
  { role: 'acute', label: 'Acute beds', suffix: 'beds' },
  { role: 'p1', label: 'Home care packages (P1)', suffix: 'packages' },
  { role: 'p2', label: 'Rehab beds (P2)', suffix: 'beds' },
  { role: 'ucr', label: 'UCR responders', suffix: 'responders' },
];

export const CRISIS_SLIDER = 'crisis';

function baseCapacity(u: Unit): number {
  return u.schedule && u.schedule.cap.length > 0 ? u.schedule.cap[0] : u.capacity;
}

/** Sliders for the capacities this model has (finite ones only) and for crisis reduction. */
export function slidersFor(model: Model): SliderDef[] {
  const out: SliderDef[] = [];
  for (const s of CAPACITY_SLIDERS) {
    const u = model.units.find((x) => x.role === s.role);
    if (!u) continue;
    const c = baseCapacity(u);
    if (!Number.isFinite(c) || c <= 0) continue;
    // Half to one and a half times the scenario's value, in whole steps either side, so the
    // scenario's value sits on the grid a range input snaps to (else an untouched slider
    // would already read a different value).
    const step = Math.max(1, Math.round(c / 200));
    const steps = Math.max(1, Math.floor((c * 0.5) / step));
    const scheduled = !!u.schedule && u.schedule.cap.length > 1;
    out.push({
      id: s.role,
      label: `${s.label}: ${u.name}${scheduled ? ' (first step; moves shift its whole schedule)' : ''}`,
      unit: u.name,
      scheduled,
      min: c - steps * step,
      max: c + steps * step,
      step,
      value: c,
      suffix: s.suffix,
    });
  }
  out.push({
    id: CRISIS_SLIDER,
    label: hasCrisisRates(model) ? 'Crisis reduction (proactive care)' : 'Fewer arrivals (prevention)',
    unit: null,
    scheduled: false,
    min: 0,
    max: 50,
    step: 1,
    value: 0,
    suffix: '% fewer crises',
  });
  return out;
}

/** Decimals of a step or bound, so 0.05 steps give 0.3, not 0.30000000000000004. */
function decimals(x: number): number {
  const t = String(x);
  const e = /e-(\d+)$/.exec(t);
  if (e) return Number(e[1]);
  const dot = t.indexOf('.');
  return dot < 0 ? 0 : t.length - dot - 1;
}

/** Decimals a slider's values have: those of its step and its minimum. */
export function sliderDecimals(d: Pick<SliderDef, 'min' | 'step'>): number {
  return Math.min(12, Math.max(decimals(d.step), decimals(d.min)));
}

/** `v` rounded to the nearest value on a slider's grid. */
export function onSliderGrid(d: Pick<SliderDef, 'min' | 'step'>, v: number): number {
  const k = Math.round((v - d.min) / d.step);
  return Number((d.min + k * d.step).toFixed(sliderDecimals(d)));
}

/**
 * One slider per lever. A range input's steps count from its minimum, so the grid is anchored
 * on the scenario's value (as many whole steps down and up as fit in the lever's range, and the
 * range widened to take a value outside it): an untouched slider reads the scenario's value.
 */
export function leverSliders(levers: readonly Lever[]): SliderDef[] {
  return levers.map((l) => {
    const down = l.value > l.from ? Math.floor((l.value - l.from) / l.step + 1e-9) : 0,
      up = l.to > l.value ? Math.floor((l.to - l.value) / l.step + 1e-9) : 0;
    const grid = { min: l.value - down * l.step, step: l.step };
    return {
      id: `lever-${l.path.slice('params.'.length)}`,
      label: l.label,
      unit: null,
      path: l.path,
      scheduled: false,
      min: onSliderGrid(grid, grid.min),
      max: onSliderGrid(grid, l.value + up * l.step),
      step: l.step,
      value: l.value,
      suffix: '',
    };
  });
}

function hasCrisisRates(model: Model): boolean {
  return model.cohorts.some((c) => c.crisis > 0) && model.sources.some((s) => s.cohort >= 0);
}

export interface Overrides {
  /** `--set` strings for the scenario loader. */
  set: string[];
  /** Unit name -> places added to every step of its schedule. */
  shifts: Record<string, number>;
  /** Factor on crisis rates (1 = unchanged). */
  crisisFactor: number;
  /** What changed, in words, for the methods panel. */
  changes: Record<string, string>;
}

/** Slider values (id -> value) to overrides; values equal to the scenario's own are left out. */
export function overridesFor(defs: readonly SliderDef[], values: Record<string, number>): Overrides {
  const out: Overrides = { set: [], shifts: {}, crisisFactor: 1, changes: {} };
  for (const d of defs) {
    const v = own(values, d.id);
    if (v === undefined || !Number.isFinite(v) || v === d.value) continue;
    const clamped = Math.min(d.max, Math.max(d.min, v));
    if (d.path) {
      const x = onSliderGrid(d, clamped);
      if (x === d.value) continue;
      out.set.push(`${d.path}=${x}`);
      out.changes[d.path] = String(x);
      continue;
    }
    if (d.unit === null) {
      out.crisisFactor = 1 - clamped / 100;
      out.changes['crisis rates'] = `${clamped}% lower`;
      continue;
    }
    const n = Math.round(clamped),
      path = `units.${d.unit}.capacity`;
    if (d.scheduled) {
      out.shifts[d.unit] = n - d.value;
      out.changes[path] = `${n - d.value > 0 ? '+' : ''}${n - d.value} on every step of its schedule`;
    } else {
      out.set.push(`${path}=${n}`);
      out.changes[path] = String(n);
    }
  }
  return out;
}

/** Adds `delta` places to every step of a unit's capacity schedule. Returns a new model. */
export function shiftCapacity(model: Model, unit: string, delta: number): Model {
  if (delta === 0) return model;
  return {
    ...model,
    units: model.units.map((u) =>
      u.name !== unit
        ? u
        : {
            ...u,
            capacity: Math.max(0, u.capacity + delta),
            schedule: u.schedule && { at: u.schedule.at, cap: u.schedule.cap.map((c) => Math.max(0, c + delta)) },
          },
    ),
  };
}

/**
 * Crisis reduction on a compiled model: population crisis rates scale by `factor`; a model
 * without a population scales its arrival streams instead. Returns a new model.
 */
export function reduceCrises(model: Model, factor: number): Model {
  if (factor === 1) return model;
  if (hasCrisisRates(model)) return { ...model, cohorts: model.cohorts.map((c) => ({ ...c, crisis: c.crisis * factor })) };
  return { ...model, sources: model.sources.map((s) => ({ ...s, rate: s.rate * factor })) };
}

/** Every model-level change of the overrides (the `set` part is the loader's). */
export function applyOverrides(model: Model, o: Overrides): Model {
  let m = reduceCrises(model, o.crisisFactor);
  for (const [unit, delta] of Object.entries(o.shifts)) m = shiftCapacity(m, unit, delta);
  return m;
}
