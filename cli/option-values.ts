/**
 * The values of command-line options, read and checked: each reader says what was given and
 * what is expected (a UsageError), never a NaN or a stack trace.
 */
import { availableParallelism } from 'node:os';
import { MAX_REPLICATIONS, MAX_WORKERS_PER_CORE, REPLICATIONS_WHY, SET_TEXT, WORKERS_WHY, wholeNumberProblem } from '../engine/index.js';
import type { Adjust } from './adjust.js';

export class UsageError extends Error {}

/** A repeatable option's values as text (yargs gives one value bare, several as a list). */
function listOf(v: unknown): string[] {
  return (Array.isArray(v) ? v : [v]).filter((x) => x !== undefined && x !== null).map(String);
}

/** `--vary name=10%` (or `=0.1`) to a param and a share. */
export function varyList(v: unknown): { param: string; share: number }[] {
  const list = listOf(v);
  return list.map((s) => {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*([0-9.]+)\s*(%?)\s*$/.exec(s);
    const share = m ? Number(m[2]) / (m[3] ? 100 : 1) : NaN;
    if (!m || !(share > 0 && share < 1))
      throw new UsageError(`--vary: expected NAME=PCT with a share between 0 and 100% (e.g. p2_beds=10%), got "${s}"`);
    return { param: m[1], share };
  });
}

const maxWorkers = () => MAX_WORKERS_PER_CORE * availableParallelism();

/** `--workers`: 0 (this thread) up to a few per core; more only compete for the same cores. */
export const workerCount = (v: unknown): number | undefined => wholeNumber(v, 'workers', 0, maxWorkers(), WORKERS_WHY);

export const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));

export function wholeNumber(v: unknown, name: string, min: number, max = Number.MAX_SAFE_INTEGER, why = ''): number | undefined {
  if (v === undefined) return undefined;
  const problem = wholeNumberProblem(v, `--${name}`, min, max, why);
  if (problem) throw new UsageError(problem);
  return Number(v);
}

export function reps(v: unknown): number | 'auto' | undefined {
  if (v === undefined) return undefined;
  if (String(v).trim().toLowerCase() === 'auto') return 'auto';
  return wholeNumber(v, 'reps', 1, MAX_REPLICATIONS, REPLICATIONS_WHY);
}

/** A seed that looks like a whole number is a number (as in the scenario file). */
export function seed(v: unknown): number | string | undefined {
  const s = str(v);
  if (s === undefined) return undefined;
  if (s.trim() === '') throw new UsageError('--seed: expected a number or a word');
  return /^-?\d+$/.test(s) && Number.isSafeInteger(Number(s)) ? Number(s) : s;
}

export function setList(v: unknown): string[] {
  const list = listOf(v);
  for (const s of list)
    if (!SET_TEXT.test(s)) throw new UsageError(`--set: expected PATH=EXPR (e.g. units.acute.capacity=2000), got "${s}"`);
  return list;
}

export function adjustOf(v: unknown): Adjust {
  const s = str(v);
  if (s === undefined || s === 'none') return 'none';
  if (s === 'holm') return 'holm';
  throw new UsageError(`--adjust: expected none or holm, got "${s}"`);
}

export function onlyList(v: unknown): string[] | undefined {
  const s = str(v);
  if (s === undefined) return undefined;
  const names = s.split(',').map((x) => x.trim());
  if (names.some((x) => x === '')) throw new UsageError(`--only: expected strategy names separated by commas, got "${s}"`);
  return [...new Set(names)];
}
