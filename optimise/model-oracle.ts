/**
 * The optimiser's oracle on the simulation: a plan becomes a strategy of the scenario with its
 * decision paths set (compiled once, then cached), and its replications run on the runner's
 * worker pool, all plans of a batch at once. Replication r uses the same seed for every plan,
 * so plans are compared on common random numbers (and on the same parameter draws).
 */
import { runTasks, type Task } from '../runner/index.js';
import type { CompiledStrategy } from '../engine/index.js';
import type { Model } from '../engine/index.js';
import type { ReplicationResult, SystemKpiName, UnitMetricName } from '../engine/index.js';
import { pointKey, type Oracle, type Point, type Request } from './bank.js';
import { decisionValue, type MetricRef, type OptimiseSpec } from '../scenarios/index.js';
import { CLEAN_BASE } from './cleanup.js';

export class OptimiseError extends Error {
  readonly code = 'OPTIMISE_FAILED';
}

export interface ModelOracleOptions {
  spec: OptimiseSpec;
  candidate: (values: Record<string, number>, name: string) => CompiledStrategy;
  seed: number | string;
  /** Worker threads; 0 runs in this thread. */
  workers: number;
  workerFile: string;
  signal?: AbortSignal;
  /** Called after each replication finishes. */
  onReplication?: () => void;
}

export interface ModelOracle {
  oracle: Oracle;
  /** A plan's decision values by path. */
  values: (point: Point) => Record<string, number>;
  /** Headline KPIs of a plan's clean-up replications (kept for the output). */
  kpis: (point: Point) => Map<number, Record<string, number>>;
  /** Puts back the KPIs of a replication read from a journal. */
  remember(point: Point, replication: number, kpis: Record<string, number>): void;
}

export function planName(values: Record<string, number>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

function read(ref: MetricRef, r: ReplicationResult, values: readonly number[]): number {
  if (ref.kind === 'decision') return values[ref.index];
  if (ref.kind === 'kpi') {
    const v = r.kpis[ref.name as SystemKpiName];
    if (v === undefined)
      throw new OptimiseError(`the KPI \`${ref.name}\` is not produced by this scenario (it needs a unit with the matching role)`);
    return v;
  }
  const v = r.units[ref.unit]?.[ref.metric as UnitMetricName];
  if (v === undefined)
    throw new OptimiseError(`the unit \`${ref.unit}\` has no metric \`${ref.metric}\` (team metrics apply to units of kind \`team\` only)`);
  return v;
}

/** [objective, constraint 1, ...] of one replication of a plan. */
export function measures(spec: OptimiseSpec, r: ReplicationResult, values: readonly number[]): number[] {
  const obj = spec.objective.value(spec.objective.refs.map((ref) => read(ref, r, values)));
  return [obj, ...spec.constraints.map((c) => read(c.ref, r, values))];
}

export function modelOracle(o: ModelOracleOptions): ModelOracle {
  const plans = new Map<string, CompiledStrategy>();
  const kept = new Map<string, Map<number, Record<string, number>>>();
  const values = (p: Point) => Object.fromEntries(o.spec.decide.map((d, i) => [d.path, decisionValue(d, p[i])]));
  const plan = (p: Point): CompiledStrategy => {
    const k = pointKey(p);
    let s = plans.get(k);
    if (!s) {
      const v = values(p);
      s = o.candidate(v, planName(v));
      plans.set(k, s);
    }
    return s;
  };
  const remember = (p: Point, rep: number, kpis: Record<string, number>) => {
    let m = kept.get(pointKey(p));
    if (!m) {
      m = new Map();
      kept.set(pointKey(p), m);
    }
    m.set(rep, kpis);
  };
  const oracle: Oracle = async (reqs: readonly Request[], finished) => {
    const keys = [...new Set(reqs.map((q) => pointKey(q.point)))];
    const byKey = new Map(reqs.map((q) => [pointKey(q.point), q.point]));
    const strategies = keys.map((k) => plan(byKey.get(k)!));
    const models: Model[] = strategies.map((s) => s.model);
    const tasks: Task[] = reqs.map((q) => ({ strategy: keys.indexOf(pointKey(q.point)), replication: q.replication }));
    const index = new Map(tasks.map((t, i) => [`${t.strategy}:${t.replication}`, i]));
    const out = new Map<string, number[]>();
    let failure: string | null = null;
    const interrupted = await runTasks(tasks, {
      workers: o.workers,
      workerFile: o.workerFile,
      seed: o.seed,
      models,
      signal: o.signal,
      modelFor: (s, r) => {
        const m = strategies[s].modelFor(o.seed, r);
        return m === strategies[s].model ? undefined : m;
      },
      onResult: (t, r) => {
        const point = byKey.get(keys[t.strategy])!;
        const vals = o.spec.decide.map((d, i) => decisionValue(d, point[i]));
        const key = `${t.strategy}:${t.replication}`,
          m = measures(o.spec, r, vals);
        out.set(key, m);
        if (t.replication >= CLEAN_BASE) remember(point, t.replication, r.kpis);
        // Told now, not when the batch ends: an interrupted batch keeps what it finished.
        finished?.(index.get(key)!, m);
        o.onReplication?.();
      },
      onFailure: (t, error) => {
        failure ??= `plan ${strategies[t.strategy].name}, replication ${t.replication}: ${error}`;
      },
    });
    if (interrupted) throw new OptimiseError('interrupted');
    if (failure) throw new OptimiseError(`a replication failed (${failure})`);
    return tasks.map((t) => out.get(`${t.strategy}:${t.replication}`)!);
  };
  return { oracle, values, kpis: (p) => kept.get(pointKey(p)) ?? new Map(), remember };
}
