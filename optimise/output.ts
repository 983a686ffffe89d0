/**
 * The optimisation file (`caresim optimise --out opt.json`, format `caresim-optimise/1`): the
 * chosen plan with its KPIs and CIs, the runners-up, the evidence (replications per plan and
 * why each was set aside), the trade-off of the objective against the first target, targets
 * no plan met, and a strategy block to paste into the scenario. README "Optimisation file".
 */
import { stat } from '../results/index.js';
import type { Stat } from '../results/index.js';
import { range, pointKey, type Point } from './bank.js';
import { CLEAN_BASE } from './cleanup.js';
import { meanSd } from './feasibility.js';
import type { OptimiseOutcome } from './optimise.js';
import type { Estimate } from './search.js';
import { gridSize, decisionValue, type OptimiseSpec } from '../scenarios/index.js';
import { tQuantile } from './quantiles.js';

export const OPTIMISE_FORMAT = 'caresim-optimise/1';

export interface TargetCheck {
  text: string;
  mean: number;
  bound: number;
  met: boolean;
}

export interface PlanOut {
  name: string;
  values: Record<string, number>;
  replications: number;
  objective: { mean: number; ci95: [number, number] };
  targets: TargetCheck[];
  /** Headline KPIs over the plan's clean-up replications. */
  kpis: Record<string, Stat>;
}

export interface PlanEvidence {
  values: Record<string, number>;
  replications: number;
  status: 'chosen' | 'runner-up' | 'not shown feasible' | 'eliminated by selection' | 'screened out in search';
  reason: string;
}

export interface OptimiseFile {
  format: typeof OPTIMISE_FORMAT;
  scenario: { name: string; hash: string };
  engine: { version: string };
  seed: number | string;
  objective: { text: string; sense: 'minimise' | 'maximise' };
  constraints: { text: string; name: string; op: '<=' | '>='; target: number }[];
  confidence: number;
  decide: { path: string; from: number; to: number; step: number; values: number }[];
  status: 'found' | 'no-feasible-plan';
  statement: string;
  chosen: PlanOut | null;
  runners_up: PlanOut[];
  /** When no plan was shown feasible: the nearest misses, nearest first. */
  closest: PlanOut[];
  /** Targets that no plan visited met even on its sample mean. */
  unmet: { text: string; best: number; at: Record<string, number> }[];
  evidence: {
    replications: number;
    budget: number;
    grid_points: number;
    visited: number;
    search_iterations: number;
    indifference: number | null;
    per_target_alpha: number;
    selection_stopped_by_budget: boolean;
    plans: PlanEvidence[];
  };
  /** Objective against the first target over the plans visited: the plans no other beats on both. */
  trade_off: {
    target: string;
    points: { values: Record<string, number>; objective: number; value: number; replications: number }[];
  } | null;
  strategy_yaml: string | null;
}

export interface OutputContext {
  spec: OptimiseSpec;
  outcome: OptimiseOutcome;
  scenario: { name: string; hash: string };
  engineVersion: string;
  seed: number | string;
  values(p: Point): Record<string, number>;
  kpis(p: Point): Map<number, Record<string, number>>;
}

const fmt = (v: number) => (Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-GB') : Number(v.toPrecision(3)).toString());

function nameOf(values: Record<string, number>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

function ci95(xs: readonly number[]): [number, number] {
  const { mean, sd, n } = meanSd(xs);
  if (n < 2) return [mean, mean];
  const h = (tQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
  return [mean - h, mean + h];
}

function kpiStats(kept: Map<number, Record<string, number>>): Record<string, Stat> {
  const rows = [...kept.entries()].sort((a, b) => a[0] - b[0]).map(([, k]) => k);
  const out: Record<string, Stat> = {};
  for (const name of Object.keys(rows[0] ?? {})) out[name] = stat(rows.map((r) => r[name] ?? NaN));
  return out;
}

export function buildOptimiseFile(c: OutputContext): OptimiseFile {
  const { spec, outcome } = c;
  const cl = outcome.cleanup;
  const s = outcome.sign;
  const plan = (i: number): PlanOut => {
    const j = cl.judged[i];
    const reps = range(CLEAN_BASE, j.objective.n);
    const obj = outcome.bank.values(j.point, reps, 0).map((v) => s * v);
    const values = c.values(j.point);
    return {
      name: nameOf(values),
      values,
      replications: j.objective.n,
      objective: { mean: meanSd(obj).mean, ci95: ci95(obj) },
      targets: spec.constraints.map((k, l) => ({ text: k.text, mean: j.bounds[l].mean, bound: j.bounds[l].bound, met: j.bounds[l].meets })),
      kpis: kpiStats(c.kpis(j.point)),
    };
  };
  const byObjective = (a: number, b: number) => cl.judged[a].objective.mean - cl.judged[b].objective.mean;
  const feasible = cl.judged.map((j, i) => (j.feasible ? i : -1)).filter((i) => i >= 0);
  const chosen = cl.chosen === null ? null : plan(cl.chosen);
  const runners = feasible
    .filter((i) => i !== cl.chosen)
    .sort(byObjective)
    .map(plan);
  const miss = (i: number) =>
    cl.judged[i].bounds.reduce(
      (a, b, l) =>
        a +
        Math.max(
          0,
          (spec.constraints[l].op === '<=' ? b.bound - spec.constraints[l].target : spec.constraints[l].target - b.bound) /
            Math.max(Math.abs(spec.constraints[l].target), 1e-9),
        ),
      0,
    );
  const closest =
    cl.chosen === null
      ? cl.judged
          .map((_, i) => i)
          .sort((a, b) => miss(a) - miss(b))
          .slice(0, 3)
          .map(plan)
      : [];

  const inClean = new Set(outcome.plans.map(pointKey));
  const evidence: PlanEvidence[] = [];
  cl.judged.forEach((j, i) => {
    const values = c.values(j.point);
    const e = cl.eliminated[i];
    if (i === cl.chosen)
      evidence.push({
        values,
        replications: j.objective.n,
        status: 'chosen',
        reason: `every target met at its one-sided bound; kept by the selection`,
      });
    else if (!j.feasible) {
      const l = j.bounds.findIndex((b) => !b.meets);
      const k = spec.constraints[l];
      evidence.push({
        values,
        replications: j.n,
        status: 'not shown feasible',
        reason: `\`${k.text}\`: the ${k.op === '<=' ? 'upper' : 'lower'} bound is ${fmt(j.bounds[l].bound)} (mean ${fmt(j.bounds[l].mean)}) against ${fmt(k.target)}`,
      });
    } else if (e) {
      evidence.push({
        values,
        replications: Math.max(j.n, e.stage),
        status: 'eliminated by selection',
        reason: `after ${e.stage} paired replications its ${spec.objective.text} was worse than ${nameOf(c.values(cl.judged[e.by].point))}'s beyond the indifference zone`,
      });
    } else
      evidence.push({
        values,
        replications: j.n,
        status: 'runner-up',
        reason: 'feasible; the budget ended the selection with it still in contention',
      });
  });
  const ranked = outcome.search.ranked;
  ranked.forEach((e: Estimate, i) => {
    if (inClean.has(pointKey(e.point))) return;
    const why =
      e.violation > 0
        ? `misses a target on its mean over ${e.n} replications`
        : `${spec.objective.text} ${fmt(s * e.objective)} on its mean over ${e.n} replications, behind the plans taken forward`;
    evidence.push({
      values: c.values(e.point),
      replications: e.n,
      status: 'screened out in search',
      reason: `ranked ${i + 1} of ${ranked.length}: ${why}`,
    });
  });

  const unmet = spec.constraints.flatMap((k, l) => {
    const met = (v: number) => (k.op === '<=' ? v <= k.target : v >= k.target);
    if (ranked.some((e) => met(e.constraints[l]))) return [];
    const best = ranked.reduce(
      (b, e) => ((k.op === '<=' ? e.constraints[l] < b.constraints[l] : e.constraints[l] > b.constraints[l]) ? e : b),
      ranked[0],
    );
    return [{ text: k.text, best: best.constraints[l], at: c.values(best.point) }];
  });

  let trade: OptimiseFile['trade_off'] = null;
  if (spec.constraints.length > 0) {
    const k = spec.constraints[0];
    const better = (a: number, b: number) => (k.op === '<=' ? a < b : a > b);
    const pts = ranked
      .filter((e) => Number.isFinite(e.objective) && Number.isFinite(e.constraints[0]))
      .sort((a, b) => a.objective - b.objective);
    const front: Estimate[] = [];
    for (const e of pts) if (front.length === 0 || better(e.constraints[0], front[front.length - 1].constraints[0])) front.push(e);
    trade = {
      target: k.text,
      points: front.map((e) => ({ values: c.values(e.point), objective: s * e.objective, value: e.constraints[0], replications: e.n })),
    };
  }

  const conf = `${Math.round(spec.confidence * 1000) / 10}%`;
  let statement: string;
  if (!chosen) statement = `No plan evaluated was shown to meet every target at ${conf} confidence; the closest plans are listed.`;
  else {
    const what = spec.constraints.length > 0 ? 'the chosen plan meets every target and its' : "the chosen plan's";
    statement = `With ${conf} confidence ${what} ${spec.objective.text} is within ${fmt(cl.delta)} of the ${spec.objective.sense === 'minimise' ? 'lowest' : 'highest'} among the ${spec.constraints.length > 0 ? 'feasible ' : ''}plans evaluated.`;
    if (cl.selectionStoppedByBudget)
      statement +=
        ' The budget ended the selection before one plan was left: the chosen plan has the best mean of those still in contention, so the "within" part is not guaranteed.';
  }
  const yaml = chosen
    ? [
        'strategies:',
        '  optimised:',
        `    description: ${JSON.stringify(`Plan chosen by caresim optimise (${spec.objective.sense} ${spec.objective.text}${spec.constraints.length > 0 ? ` subject to ${spec.constraints.map((k) => k.text).join(', ')}` : ''})`)}`,
        `    set: { ${Object.entries(chosen.values)
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ')} }`,
        '',
      ].join('\n')
    : null;

  return {
    format: OPTIMISE_FORMAT,
    scenario: c.scenario,
    engine: { version: c.engineVersion },
    seed: c.seed,
    objective: { text: spec.objective.text, sense: spec.objective.sense },
    constraints: spec.constraints.map((k) => ({ text: k.text, name: k.name, op: k.op, target: k.target })),
    confidence: spec.confidence,
    decide: spec.decide.map((d) => ({ path: d.path, from: d.from, to: decisionValue(d, d.count - 1), step: d.step, values: d.count })),
    status: chosen ? 'found' : 'no-feasible-plan',
    statement,
    chosen,
    runners_up: runners,
    closest,
    unmet,
    evidence: {
      replications: outcome.spent,
      budget: outcome.budget,
      grid_points: gridSize(spec.decide),
      visited: ranked.length,
      search_iterations: outcome.search.iterations,
      indifference: cl.chosen === null ? null : cl.delta,
      per_target_alpha: cl.perTestAlpha,
      selection_stopped_by_budget: cl.selectionStoppedByBudget,
      plans: evidence,
    },
    trade_off: trade,
    strategy_yaml: yaml,
  };
}
