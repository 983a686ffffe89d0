/**
 * `caresim optimise` without the CLI: a loaded scenario with an `optimise:` section in, the
 * optimisation file out, on the runner's worker pool, with a journal for `--resume`.
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { rmSync } from 'node:fs';
import type { CompiledScenarioWithWarnings } from '../scenarios/index.js';
import { acquireLock, defaultWorkerFile, fileIdentity, makeFolderFor } from '../runner/index.js';
import { ENGINE_VERSION } from '../results/index.js';
import type { Progress } from '../runner/index.js';
import { modelOracle, OptimiseError } from './model-oracle.js';
import { optimise } from './optimise.js';
import { buildOptimiseFile, type OptimiseFile } from './output.js';
import {
  checkOptJournal,
  measurementsIn,
  OptJournal,
  OptimiseResumeError,
  readOptJournal,
  OPT_JOURNAL_FORMAT,
  type OptJournalHeader,
} from './journal.js';
import { CLEAN_BASE } from './cleanup.js';

export const DEFAULT_BUDGET = 1000;

export interface OptimiseRunOptions {
  seed?: number | string;
  budget?: number;
  workers?: number;
  workerFile?: string;
  journal?: string;
  resume?: boolean;
  /** Discard the measurements of an interrupted search in the journal; without it or `resume` they are refused, never lost. */
  fresh?: boolean;
  /** Leave the journal when done (the caller deletes it once its outputs are written: the command line). */
  keepJournal?: boolean;
  /**
   * The caller holds the journal's lock (the command line, until its outputs are written).
   * Otherwise the journal is locked here for the search, as a run's journal is: two searches
   * writing one journal would interleave their measurements, and a resume would read both.
   */
  journalLocked?: boolean;
  /** Hears about a stale lock taken over (a search killed with its lock left behind). */
  onNotice?: (message: string) => void;
  signal?: AbortSignal;
  onProgress?: (p: Progress & { stage: string }) => void;
}

export async function runOptimise(sc: CompiledScenarioWithWarnings, o: OptimiseRunOptions = {}): Promise<OptimiseFile> {
  if (!sc.optimise) throw new OptimiseError(`${sc.file} has no \`optimise:\` section`);
  if (o.resume && o.fresh) throw new OptimiseResumeError('--resume and --fresh contradict each other: give one');
  if (o.journal) checkOptJournal(o.journal);
  if (!o.journal || o.journalLocked) return search(sc, sc.optimise, o);
  makeFolderFor(o.journal);
  const lock = acquireLock(fileIdentity(o.journal), o.onNotice);
  try {
    return await search(sc, sc.optimise, o);
  } finally {
    lock.release();
  }
}

async function search(
  sc: CompiledScenarioWithWarnings,
  { spec, candidate }: NonNullable<CompiledScenarioWithWarnings['optimise']>,
  o: OptimiseRunOptions,
): Promise<OptimiseFile> {
  const seed = o.seed ?? sc.seed;
  const budget = o.budget ?? DEFAULT_BUDGET;
  const workers = o.workers ?? availableParallelism();
  const t0 = performance.now();
  let stage = 'search',
    spent = 0,
    resumed = 0;
  const progress = () => {
    const seconds = (performance.now() - t0) / 1000;
    const rate = seconds > 0 ? (spent - resumed) / seconds : 0;
    o.onProgress?.({
      stage,
      done: Math.min(spent, budget),
      total: budget,
      failed: 0,
      resumed,
      seconds,
      rate,
      eta: rate > 0 ? Math.max(0, budget - spent) / rate : null,
    });
  };
  const mo = modelOracle({
    spec,
    candidate,
    seed,
    workers,
    workerFile: workers > 0 ? (o.workerFile ?? defaultWorkerFile()) : '',
    signal: o.signal,
    onReplication: () => {
      spent++;
      progress();
    },
  });
  const header: OptJournalHeader = {
    format: OPT_JOURNAL_FORMAT,
    scenario_hash: sc.hash,
    seed,
    engine_version: ENGINE_VERSION,
    optimise: JSON.stringify({ spec: { ...spec, objective: spec.objective.text }, budget }),
  };
  if (o.journal && !o.resume && !o.fresh) {
    const kept = measurementsIn(o.journal);
    if (kept > 0)
      throw new OptimiseResumeError(
        `${o.journal} holds ${kept.toLocaleString('en-GB')} measurement${kept === 1 ? '' : 's'} of an interrupted search: continue it with --resume, or discard ${kept === 1 ? 'it' : 'them'} and start again with --fresh`,
      );
  }
  const earlier = o.journal && o.resume ? readOptJournal(o.journal, header) : [];
  for (const e of earlier) if (e.kpis) mo.remember(e.point, e.replication, e.kpis);
  spent = resumed = earlier.length;
  const journal = o.journal ? new OptJournal(o.journal, header, earlier.length > 0) : null;
  const outcome = await optimise(spec, mo.oracle, {
    seed,
    budget,
    earlier,
    onMeasure: (r, measures) => {
      journal?.append({
        point: r.point,
        replication: r.replication,
        measures,
        kpis: r.replication >= CLEAN_BASE ? mo.kpis(r.point).get(r.replication) : undefined,
      });
    },
    onProgress: (p) => {
      stage = p.stage;
      progress();
    },
  });
  const file = buildOptimiseFile({
    spec,
    outcome,
    scenario: { name: sc.name, hash: sc.hash },
    engineVersion: ENGINE_VERSION,
    seed,
    values: mo.values,
    kpis: mo.kpis,
  });
  if (o.journal && !o.keepJournal) rmSync(o.journal, { force: true });
  return file;
}
