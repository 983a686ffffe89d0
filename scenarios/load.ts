/**
 * Loading a scenario: resolve the text (extends, --set), check its keys, read the run
 * header, then compile the baseline and every strategy and sweep point to an engine
 * Model. All problems are collected; errors stop the load, warnings travel with it.
 */
import { checkStaffing } from './staff-check.js';
import type { CompiledScenario, CompiledStrategy, Model } from '../engine/index.js';
import { DAY } from '../engine/index.js';
import { makeSampler, makeStream } from '../engine/index.js';
import { Diagnostics, ScenarioError, sortDiagnostics, type Diagnostic } from './errors.js';
import type { SMap, SNode } from './tree.js';
import { child, cloneNode, keyLocations, scalar } from './tree.js';
import { checkKeys } from './check-keys.js';
import { Env } from './env.js';
import { readHeader, type Header } from './header.js';
import { compileTree } from './compile.js';
import { checkWhole } from './network.js';
import { checkLeverEnds, leverEndCheck } from './lever-ends.js';
import { checkStability } from './stability.js';
import { checkCycles } from './cycles.js';
import { dirname, relativeTo, resolveScenario, type ReadFile } from './resolve.js';
import { sweepPoints, type SweepPoint } from './sweep.js';
import { applySet, checkSetTarget, FIXED_KEYS } from './set.js';
import { sha256Hex } from './hash.js';
import { strategyChanges } from './changes.js';
import { rateUnitOf, TIME_UNITS } from './quantity.js';
import { readEconomicSettings, readStrategyEconomics, type EconomicSettings } from './economics.js';
import type { Economics } from '../engine/index.js';
import { compileOptimise } from './optimise.js';
import { readLabels, sweepLabel } from './labels.js';
import type { OptimiseSpec } from './optimise-spec.js';
import { compileLevers, type Lever } from './levers.js';

export type { CompiledScenario, CompiledStrategy };

/**
 * What loading a scenario text gives: the one `CompiledScenario` the runner takes, plus the
 * checker's warnings, which point into the text (`file:line:col`) and so have no meaning for
 * a scenario built in code.
 */
export interface CompiledScenarioWithWarnings extends CompiledScenario {
  warnings: Diagnostic[];
  /** The files the scenario `extends`, directly or not, as read (relative to where `file` is given): inputs too. */
  bases: string[];
  /**
   * The baseline with some values set (dotted path -> expression), compiled as a strategy
   * (throws ScenarioError); the params' central values; the uncertain params (`t`: power of time).
   */
  variants?: {
    variant(set: Record<string, string>, name: string, description: string): CompiledStrategy;
    paramValue(name: string): { n: number; t: number } | null;
    uncertain: { name: string; t: number }[];
    /** The time a param that is a rate was written per (`0.3/year`: year, 525,600 minutes), to show it so; undefined: per day. */
    ratePer(name: string): { unit: string; minutes: number } | undefined;
    /** Whether a plain param was written as a percentage (`50%`, `uniform(6%, 12%)`), to show it so. */
    writtenAsShare(name: string): boolean;
  };
  /** The `optimise:` section, and the baseline with decision paths set to values (throws ScenarioError). */
  optimise?: { spec: OptimiseSpec; candidate: (values: Record<string, number>, name: string) => CompiledStrategy };
  /** The `levers:` section: the params the live viewer shows as sliders; absent without one. */
  levers?: Lever[];
}

export interface LoadOptions {
  set?: string[];
  readFile?: ReadFile;
}

export interface Analysis {
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  loaded: CompiledScenarioWithWarnings | null;
}

function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/i, '');
}

function strategy(
  name: string,
  description: string,
  set: Record<string, string>,
  root: SMap,
  diags: Diagnostics,
  header: Header,
  label: string,
  warned: Set<string>,
  baseParams?: SMap,
  economics?: Economics | null,
  warnings = true,
): CompiledStrategy | null {
  // A problem this strategy's values make says whose it is (`establishment` past any health
  // system's staff only with `p1_packages` x 1.2); the baseline's are said once, unnamed. A
  // variant (a lever end, a candidate: warnings off) is named by whoever asked for it.
  const c = diags.as(warnings ? label : '', () => {
    checkKeys(root, diags);
    return compileTree(root, diags, header.clock, baseParams, header.memo);
  });
  if (!c || economics === null) return null;
  if (economics) c.model.economics = economics;
  const units = child(root, 'units');
  const unitLoc = keyLocations(units);
  if (checkWhole(c.model, root, unitLoc, diags, label, warned) && warnings)
    checkStability(c.model, diags, unitLoc, label, warned, header.clock.t0, header.memo);
  checkCycles(c.model, diags, units, label, warned);
  if (warnings) checkStaffing(c.model, diags, units, label, warned, header.clock.t0);
  const draw = (seed: number | string, replication: number) => {
    const draws = new Map<string, number>();
    for (const [p, u] of c.uncertain) draws.set(p, makeSampler(u.dist, makeStream(seed, replication, 'param:' + p)).next());
    return draws;
  };
  const modelFor = (seed: number | string, replication: number): Model => {
    if (c.uncertain.size === 0) return c.model;
    const m = c.recompile(draw(seed, replication));
    if (economics) m.economics = economics;
    return m;
  };
  // Draws as a planner reads them: durations in days, rates per day (the engine's unit is the minute).
  const drawsFor = (seed: number | string, replication: number) =>
    Object.fromEntries([...draw(seed, replication)].map(([p, v]) => [p, v * DAY ** -c.uncertain.get(p)!.t]));
  return {
    name,
    description,
    set,
    model: c.model,
    uncertain: c.uncertain.size > 0,
    modelFor,
    ...(c.uncertain.size > 0 ? { drawsFor } : {}),
  };
}

/** Everything about a scenario text; never throws for bad input. */
export function analyseScenario(text: string, file: string, opts: LoadOptions = {}): Analysis {
  const diags = new Diagnostics();
  const { root, sources } = resolveScenario(text, file, diags, opts.set ?? [], opts.readFile);
  const done = (loaded: CompiledScenarioWithWarnings | null): Analysis => ({ diagnostics: sortDiagnostics(diags.list), sources, loaded });
  if (!root) {
    if (diags.errorCount === 0)
      diags.error('yaml-syntax', { file, line: 1, col: 1 }, '', 'the file could not be read as a scenario', {
        expected: 'a YAML map of scenario keys',
      });
    return done(null);
  }
  const params = child(root, 'params');
  const baseParams = params?.kind === 'map' ? params : undefined;
  const env = new Env(params?.kind === 'map' ? params : undefined, diags);
  const header = readHeader(root, env, diags, baseName(file));

  const out: CompiledStrategy[] = [];
  const warned = new Set<string>();
  const settings: EconomicSettings | null = readEconomicSettings(root, env);
  // A strategy's own values are checked even when the settings are wrong, so every mistake shows at once.
  const econ = (node: SNode | undefined, path: string) => {
    const e = readStrategyEconomics(node, path, env, settings ?? { discountRate: 0, planYears: 1 });
    return settings ? e : null;
  };
  const base = strategy('baseline', 'The scenario as written', {}, root, diags, header, '', warned, undefined, econ(undefined, ''));
  if (base) out.push(base);
  const strategies = child(root, 'strategies');
  if (strategies?.kind === 'map') {
    for (const e of strategies.entries) {
      if (e.key === 'baseline') {
        diags.error('reserved-name', e.keyLoc, 'strategies.baseline', '`baseline` is the scenario as written', {
          expected: 'another strategy name',
          hint: 'rename it, e.g. `baseline_plus`',
        });
        continue;
      }
      const setNode = child(e.value, 'set');
      const descNode = child(e.value, 'description');
      const tree = cloneNode(root) as SMap;
      const set: Record<string, string> = {};
      if (setNode?.kind === 'map') {
        for (const s of setNode.entries) {
          set[s.key] = s.value.kind === 'scalar' ? s.value.text : s.value.kind === 'map' ? '{...}' : '[...]';
          applySet(tree, s.key, s.value, s.keyLoc, diags, FIXED_KEYS);
        }
      }
      const desc = descNode?.kind === 'scalar' ? descNode.text : '';
      const st = strategy(
        e.key,
        desc,
        set,
        tree,
        diags,
        header,
        ` in strategy \`${e.key}\``,
        warned,
        baseParams,
        econ(e.value, `strategies.${e.key}`),
      );
      if (st) out.push({ ...st, changes: strategyChanges(root, tree, Object.keys(set)) });
    }
  }
  const sweep = child(root, 'sweep');
  // Checked once at the key, rather than once per point at each value.
  const sweepTargets =
    sweep?.kind === 'map'
      ? sweep.entries.map((e) =>
          checkSetTarget(root, e.key, e.value.kind === 'seq' && e.value.items.length > 0 ? e.value.items[0] : e.value, e.keyLoc, diags),
        )
      : [];
  const points: SweepPoint[] = sweepTargets.every(Boolean) ? (sweepPoints(sweep, env, diags) ?? []) : [];
  for (const p of points) {
    const tree = cloneNode(root) as SMap;
    for (const [path, v] of Object.entries(p.nodes)) applySet(tree, path, v, v.loc, diags, FIXED_KEYS);
    const st = strategy(
      p.name,
      `Sweep: ${Object.entries(p.set)
        .map(([k, v]) => `${k} = ${v}`)
        .join(', ')}`,
      p.set,
      tree,
      diags,
      header,
      ` in sweep point \`${p.name}\``,
      warned,
      baseParams,
      econ(undefined, ''),
    );
    if (st) {
      st.sweep = p.values;
      st.changes = strategyChanges(root, tree, Object.keys(p.set));
      out.push(st);
    }
  }
  const labels = readLabels(root, diags);
  for (const p of points) {
    const l = sweepLabel(p.values, labels);
    if (l !== undefined) (labels.strategies ??= {})[p.name] = l;
  }
  const opt = compileOptimise(root, env, diags);
  const levers = compileLevers(root, env, diags);
  if (diags.errorCount > 0) return done(null);
  // Files by their paths from the scenario's folder: the hash names the scenario, not how its path was typed.
  const hashInput = [...sources].map(([f, t]) => `${f.startsWith('<--set') ? f : relativeTo(dirname(file), f)}\n${t}`).join('\n\u0000\n');
  const loaded: CompiledScenarioWithWarnings = {
    file,
    name: header.name,
    hash: sha256Hex(hashInput),
    seed: header.seed,
    replications: header.replications,
    maxReplications: header.maxReplications,
    startDate: header.startDate,
    horizonDays: header.horizonDays,
    warmupDays: header.warmupDays,
    assumptions: header.assumptions,
    warnings: sortDiagnostics(diags.list.filter((d) => d.severity === 'warning')),
    bases: [...sources.keys()].filter((f) => f !== file && !/^<--set \d+>$/.test(f)),
    strategies: out,
  };
  if (Object.keys(labels).length > 0) loaded.labels = labels;
  const variant = (set: Record<string, string>, name: string, description: string): CompiledStrategy => {
    const d = new Diagnostics(),
      tree = cloneNode(root) as SMap;
    for (const [path, v] of Object.entries(set)) applySet(tree, path, scalar(v, root.loc), root.loc, d, FIXED_KEYS);
    // A variant's warnings are never shown (only its errors are thrown), so the load and
    // staffing analyses, which only warn, are skipped: they were most of a lever end's compile.
    const st = strategy(name, description, set, tree, d, header, ` in \`${name}\``, new Set(), baseParams, undefined, false);
    if (!st || d.errorCount > 0) throw new ScenarioError(d.list);
    return st;
  };
  // Its own evaluation of the params: problems were reported by the compile already.
  const penv = new Env(baseParams, new Diagnostics());
  penv.evalAll(baseParams);
  loaded.variants = {
    variant,
    paramValue: (name) => {
      try {
        const v = penv.lookup(name);
        return v && v.k === 'q' ? { n: v.n, t: v.t } : null;
      } catch {
        return null;
      }
    },
    uncertain: [...penv.uncertain].map(([name, u]) => ({ name, t: u.t })),
    ratePer: (name) => {
      const node = baseParams ? child(baseParams, name) : undefined;
      const unit = node?.kind === 'scalar' ? rateUnitOf(node.text) : undefined;
      return unit ? { unit, minutes: TIME_UNITS[unit] } : undefined;
    },
    writtenAsShare: (name) => {
      const node = baseParams ? child(baseParams, name) : undefined;
      return node?.kind === 'scalar' && node.text.includes('%');
    },
  };
  if (opt) {
    loaded.optimise = {
      spec: opt,
      candidate: (values, name) => {
        const set = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));
        return variant(
          set,
          name,
          `Optimiser candidate: ${Object.entries(set)
            .map(([k, v]) => `${k} = ${v}`)
            .join(', ')}`,
        );
      },
    };
  }
  if (levers && levers.length > 0) {
    checkLeverEnds(levers, root, leverEndCheck(root, header, baseParams, variant), diags);
    if (diags.errorCount > 0) return done(null);
    loaded.levers = levers;
  }
  if (points.length > 0) {
    loaded.sweep = { paths: Object.keys(points[0].values), points: points.map((p) => ({ strategy: p.name, values: p.values })) };
  }
  return done(loaded);
}

export function loadScenarioText(text: string, file: string, opts: LoadOptions = {}): CompiledScenarioWithWarnings {
  const a = analyseScenario(text, file, opts);
  if (!a.loaded) throw new ScenarioError(a.diagnostics);
  return a.loaded;
}
