/**
 * One scenario tree (the baseline, or a strategy after its `set`) to the engine's Model.
 * Each part (population, each unit, each arrival stream) records which uncertain params
 * it read, so a replication's draws recompile only those parts.
 */
import type { Model, Source, StaffGroup, Unit } from '../engine/index.js';
import { Diagnostics, ScenarioError } from './errors.js';
import type { SMap } from './tree.js';
import { child, keyLocations } from './tree.js';
import { Env, type Uncertain } from './env.js';
import { compilePopulation, cohortNames, type PopulationPart } from './compile-population.js';
import { compileUnit } from './compile-unit.js';
import { compileSource } from './compile-source.js';
import { compileStaff, staffNames } from './compile-staff.js';
import { checkShares } from './staff-shares.js';
import { BUILTIN_EXITS, DEATH_EXITS } from './keys.js';
import type { Ctx } from './context.js';
import { CompileMemo } from './compile-memo.js';

export interface Clock {
  name: string;
  /** Minutes since 1970-01-01 at t = 0. */
  t0: number;
  warmup: number;
  horizon: number;
  weekOffset: number;
}

/**
 * One tree compiled: its model with uncertain params at their central values, which params
 * are uncertain, and how to rebuild the model for one replication's draws of them.
 */
export interface RecompilableModel {
  model: Model;
  uncertain: Map<string, Uncertain>;
  /** The model with uncertain params at the given values; shares unchanged parts. */
  recompile(draws: Map<string, number>): Model;
  /**
   * The model of `root2`, this tree with other values for the params named in `changed`: only
   * the parts that read them, directly or through other params, compile again (and every
   * arrival stream when the population does: streams read its cohorts). Problems go to `diags2`;
   * null when any is an error. For checks whose model is then thrown away (a lever's ends):
   * it shares this model's unchanged parts.
   */
  vary(root2: SMap, diags2: Diagnostics, changed: ReadonlySet<string>): Model | null;
}

interface Part<T> {
  value: T;
  /** Uncertain params it read; every param it read. */
  deps: Set<string>;
  reads: Set<string>;
}

function names(node: SMap | undefined | ReturnType<typeof child>): string[] {
  return node && node.kind === 'map' ? node.entries.map((e) => e.key) : [];
}

export function compileTree(
  root: SMap,
  diags: Diagnostics,
  clock: Clock,
  baseParams?: SMap,
  memo: CompileMemo = new CompileMemo(),
): RecompilableModel | null {
  const params = child(root, 'params');
  const paramMap = params && params.kind === 'map' ? params : undefined;
  const exitsNode = child(root, 'exits');
  const declared =
    exitsNode?.kind === 'seq'
      ? exitsNode.items.flatMap((i) => (i.kind === 'scalar' ? [i.text.trim()] : []))
      : exitsNode?.kind === 'scalar' && !exitsNode.empty
        ? [exitsNode.text.trim()]
        : [];
  const unitsNode = child(root, 'units');
  const arrivalsNode = child(root, 'arrivals');
  const unitNames = names(unitsNode);

  const makeCtx = (env: Env, d: Diagnostics, exits: string[], people: number[]): Ctx => ({
    env,
    diags: d,
    root,
    cohorts: cohortNames(root),
    people,
    units: unitNames,
    staff: staffNames({ root }),
    unitLoc: keyLocations(unitsNode),
    exits,
    knownExits: new Set([...BUILTIN_EXITS, ...declared]),
    t0: clock.t0,
    warmup: clock.warmup,
    horizon: clock.horizon,
    memo,
  });

  const env = new Env(paramMap, diags, undefined, baseParams);
  env.evalAll(paramMap);
  const ctx = makeCtx(env, diags, [], []);
  const part = <T>(fn: () => T): Part<T> => {
    const [value, deps, reads] = env.track(fn);
    return { value, deps, reads };
  };

  const pop = part(() => compilePopulation(ctx));
  if (pop.value) ctx.people = pop.value.cohorts.map((c) => c.people);
  const staff = part(() => compileStaff(ctx));
  const units = unitsNode?.kind === 'map' ? unitsNode.entries.map((e) => part(() => compileUnit(ctx, e.key, e.value))) : [];
  const seasonOn = (p: PopulationPart | null) => !!p?.season;
  const sources =
    arrivalsNode?.kind === 'map'
      ? arrivalsNode.entries.map((e) => part(() => compileSource(ctx, e.key, e.value, seasonOn(pop.value))))
      : [];
  if (!pop.value || !staff.value || units.some((u) => !u.value) || sources.some((s) => !s.value)) return null;
  if (
    !checkShares(
      ctx,
      units.map((u) => u.value!),
    )
  )
    return null;
  for (const u of units) {
    if (u.value!.patience && u.value!.overflow < 0 && !ctx.exits.includes('reneged')) ctx.exits.push('reneged');
  }

  const assemble = (p: PopulationPart, us: Unit[], ss: Source[][], st: StaffGroup[]): Model => ({
    name: clock.name,
    horizon: clock.horizon,
    warmup: clock.warmup,
    weekOffset: clock.weekOffset,
    cohorts: p.cohorts,
    population: p.population,
    season: p.season,
    units: us,
    exits: ctx.exits.slice(),
    deathExits: ctx.exits.flatMap((e, i) => (DEATH_EXITS.has(e) ? [i] : [])),
    sources: ss.flat(),
    daily: true,
    monitor: true,
    ...(st.length > 0 ? { staff: st } : {}),
  });
  const model = assemble(
    pop.value,
    units.map((u) => u.value!),
    sources.map((s) => s.value!),
    staff.value,
  );

  /**
   * The parts again for `ctx2`, a compile of `ctx2.root` under other param values: those `again`
   * picks compile anew, in a whole compile's order (so the first problem is the one a whole
   * compile finds first), the rest are this compile's. A population compiled anew with other
   * cohort sizes gives them to the arrival streams, which then all compile anew (a stream
   * without a `cohort:` mix splits its arrivals by cohort size: a drawn size must move that
   * split as a whole compile at the drawn size would).
   */
  const rebuild = (ctx2: Ctx, again: (p: Part<unknown>) => boolean) => {
    const entries = (key: string) => {
      const node = child(ctx2.root, key);
      return node?.kind === 'map' ? node.entries : [];
    };
    const unitEntries = entries('units'),
      sourceEntries = entries('arrivals');
    const p = again(pop) ? compilePopulation(ctx2) : pop.value;
    const sizes = p ? p.cohorts.map((c) => c.people) : ctx2.people;
    const newPeople = sizes.length !== ctx2.people.length || sizes.some((n, i) => !Object.is(n, ctx2.people[i]));
    if (newPeople) ctx2.people = sizes;
    // Streams read the sizes and whether the population has a season, besides their params.
    const newStreams = newPeople || seasonOn(p) !== seasonOn(pop.value);
    const st = again(staff) ? compileStaff(ctx2) : staff.value;
    const us = units.map((u, i) => (again(u) ? compileUnit(ctx2, unitNames[i], unitEntries[i].value) : u.value));
    const ss = sources.map((s, i) =>
      newStreams || again(s) ? compileSource(ctx2, sourceEntries[i].key, sourceEntries[i].value, seasonOn(p)) : s.value,
    );
    return { p, st, us, ss };
  };

  const recompile = (draws: Map<string, number>): Model => {
    const d = new Diagnostics();
    const env2 = new Env(paramMap, d, draws, baseParams);
    const ctx2 = makeCtx(env2, d, ctx.exits.slice(), ctx.people);
    const { p, st, us, ss } = rebuild(ctx2, (part) => part.deps.size > 0);
    if (d.errorCount > 0 || !p || !st || us.some((u) => !u) || ss.some((s) => !s)) throw new ScenarioError(d.list);
    return assemble(p, us as Unit[], ss as Source[][], st);
  };
  const vary = (root2: SMap, diags2: Diagnostics, changed: ReadonlySet<string>): Model | null => {
    const params2 = child(root2, 'params');
    const env2 = new Env(params2?.kind === 'map' ? params2 : undefined, diags2, undefined, baseParams);
    env2.evalAll(params2?.kind === 'map' ? params2 : undefined);
    const ctx2: Ctx = { ...makeCtx(env2, diags2, ctx.exits.slice(), ctx.people), root: root2 };
    const { p, st, us, ss } = rebuild(ctx2, (part) => [...changed].some((name) => part.reads.has(name)));
    if (!p || !st || us.some((u) => !u) || ss.some((s) => !s) || !checkShares(ctx2, us as Unit[]) || diags2.errorCount > 0) return null;
    return assemble(p, us as Unit[], ss as Source[][], st);
  };
  return { model, uncertain: env.uncertain, recompile, vary };
}
