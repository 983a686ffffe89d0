/**
 * The options of a run, checked where a script hands them in: a wrong value is an error that
 * names the option, what it expects and what it got, before any worker starts. Without it a
 * script's `workers: 'x'` left a run that never settled, `reps: -1` a RangeError from a typed
 * array and `reps: 'abc'` results for no replications. The command line words its checks of the
 * same numbers alike (engine/limits.ts), naming them `--reps`.
 */
import { availableParallelism } from 'node:os';
import { existsSync, statSync } from 'node:fs';
import {
  MAX_REPLICATIONS,
  MAX_WORKERS_PER_CORE,
  REPLICATIONS_WHY,
  MAX_REPS_WHY,
  WORKERS_WHY,
  MIN_MEMORY_MB,
  AUTO_MIN,
  SET_TEXT,
  wholeNumberProblem,
  quoted,
} from '../engine/index.js';
import type { CompiledScenario } from '../engine/index.js';
import { checkShard } from './shard.js';
import type { RunOptions } from './run-options.js';

/** An option with a value it cannot take; `code` makes the command line exit 2 (usage). */
export class OptionError extends Error {
  readonly code = 'USAGE';
  override readonly name = 'OptionError';
}

/** A whole number in [min, max], given as a number (text that reads as one is the command line's business). */
function whole(v: unknown, label: string, min: number, max?: number, why?: string): void {
  if (v === undefined) return;
  const problem = wholeNumberProblem(v, label, min, max, why);
  if (problem || typeof v !== 'number') throw new OptionError(problem ?? `${label}: expected a number, got the text ${quoted(v)}`);
}

const maxWorkers = (): number => MAX_WORKERS_PER_CORE * availableParallelism();

/** Refuses a run whose options a script got wrong, naming the option; the scenario is checked by its loader. */
export function checkRunOptions(src: unknown, opts: RunOptions): void {
  if (typeof src !== 'string' && !isCompiledScenario(src)) {
    const what = src === null || typeof src !== 'object' ? quoted(src) : 'an object without strategies';
    throw new OptionError(`expected a scenario file's path or a loaded scenario (loadScenario(file)), got ${what}`);
  }
  if (typeof opts !== 'object' || opts === null) throw new OptionError(`options: expected an object, got ${quoted(opts)}`);
  const o = opts as Record<keyof RunOptions, unknown>;
  for (const k of ['resume', 'fresh', 'keepRaw', 'holdJournal', 'backgroundCompile'] as const) {
    if (o[k] !== undefined && typeof o[k] !== 'boolean') throw new OptionError(`${k}: expected true or false, got ${quoted(o[k])}`);
  }
  if (o.resume === true && o.fresh === true) throw new OptionError('resume and fresh contradict each other: give one');
  for (const k of ['onProgress', 'onNotice'] as const) {
    if (o[k] !== undefined && typeof o[k] !== 'function') throw new OptionError(`${k}: expected a function, got ${quoted(o[k])}`);
  }
  const signal = o.signal as AbortSignal | undefined;
  if (
    signal !== undefined &&
    !(typeof signal === 'object' && signal !== null && typeof signal.aborted === 'boolean' && typeof signal.addEventListener === 'function')
  ) {
    throw new OptionError(`signal: expected an AbortSignal (e.g. AbortSignal.timeout(60_000)), got ${quoted(signal)}`);
  }
  const warm = o.warm as { take?: unknown; close?: unknown } | undefined;
  if (
    warm !== undefined &&
    !(typeof warm === 'object' && warm !== null && typeof warm.take === 'function' && typeof warm.close === 'function')
  ) {
    throw new OptionError(`warm: expected workers from startWorkers(options), got ${quoted(warm)}`);
  }
  if (o.reps !== 'auto') whole(o.reps, 'reps', 1, MAX_REPLICATIONS, REPLICATIONS_WHY);
  whole(o.maxReps, 'maxReps', AUTO_MIN, MAX_REPLICATIONS, MAX_REPS_WHY);
  whole(o.workers, 'workers', 0, maxWorkers(), WORKERS_WHY);
  whole(o.maxMemoryMb, 'maxMemoryMb', MIN_MEMORY_MB);
  const seed = o.seed;
  if (seed !== undefined && !(typeof seed === 'number' ? Number.isFinite(seed) : typeof seed === 'string' && seed.trim() !== '')) {
    throw new OptionError(`seed: expected a number or a word, got ${quoted(seed)}`);
  }
  if (o.set !== undefined) {
    const bad = Array.isArray(o.set) ? o.set.find((x) => typeof x !== 'string' || !SET_TEXT.test(x)) : o.set;
    if (!Array.isArray(o.set) || bad !== undefined) {
      throw new OptionError(`set: expected a list of PATH=EXPR texts (e.g. ['units.acute.capacity=2000']), got ${quoted(bad)}`);
    }
  }
  if (o.set !== undefined && typeof src !== 'string') {
    throw new OptionError('set: overrides apply to a scenario file; give them to loadScenario(file, { set }) for a loaded scenario');
  }
  if (o.shard !== undefined && o.shard !== null) {
    const sh = o.shard as { index?: unknown; count?: unknown };
    if (typeof sh !== 'object' || typeof sh.index !== 'number' || typeof sh.count !== 'number') {
      throw new OptionError(`shard: expected { index, count } as numbers (e.g. { index: 0, count: 4 }), got ${JSON.stringify(sh)}`);
    }
    checkShard(sh.index, sh.count, 'shard');
  }
  const target = o.precisionTarget;
  if (target !== undefined && !(typeof target === 'number' && target > 0 && target < 1)) {
    throw new OptionError(`precisionTarget: expected a relative CI half-width between 0 and 1 (e.g. 0.05), got ${quoted(target)}`);
  }
  for (const k of ['journal', 'workerFile'] as const) {
    if (o[k] !== undefined && (typeof o[k] !== 'string' || o[k] === ''))
      throw new OptionError(`${k}: expected a file path, got ${quoted(o[k])}`);
  }
  if (typeof o.workerFile === 'string' && !(existsSync(o.workerFile) && statSync(o.workerFile).isFile())) {
    throw new OptionError(`workerFile: no such file ${o.workerFile} (the worker bundle is dist/worker.js, built by npm run build)`);
  }
}

function isCompiledScenario(x: unknown): x is CompiledScenario {
  const s = x as CompiledScenario | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    Array.isArray(s.strategies) &&
    s.strategies.length > 0 &&
    s.strategies.every((t) => typeof t === 'object' && t !== null && typeof t.name === 'string' && typeof t.model === 'object')
  );
}
