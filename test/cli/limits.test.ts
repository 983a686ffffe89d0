/**
 * caresim's stated limits (README "Limits"): past each, `check` or the command line refuses
 * with exit 2, the place and the numbers, before anything runs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, runCli, small, tempDir } from './cli-process.js';
import { MAX_PATIENTS, MAX_REPLICATIONS, MAX_WORKERS_PER_CORE } from '../../engine/limits.js';

beforeAll(() => ensureBuilt());

const dir = tempDir();
const BASE = `caresim: 1
name: limits
time: { horizon: 100 days, warmup: 10 days }
replications: 2
arrivals:
  patients: { rate: 8/day, to: ward }
units:
  ward: { kind: beds, capacity: 10, los: exponential(1 day), queue: none, next: home }
`;
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
const scenario = (name: string, from: string, to: string) => {
  expect(BASE).toContain(from);
  const f = join(dir, name);
  writeFileSync(f, BASE.replace(from, to));
  return f;
};

describe('caresim run --reps N and --workers W past the limits', () => {
  it.each([['1e7'], ['1e12'], [String(MAX_REPLICATIONS + 1)]])('run --reps %s exits 2 naming the limit', (n) => {
    const r = runCli(['run', small, '--reps', n, '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--reps: at most ${MAX_REPLICATIONS.toLocaleString('en-GB')} per strategy`);
    noStack(r.stderr);
  });

  it('run --workers 300 exits 2 naming the limit for this machine', () => {
    const max = MAX_WORKERS_PER_CORE * availableParallelism();
    const r = runCli(['run', small, '--workers', String(Math.max(300, max + 1)), '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--workers: at most ${max} (${MAX_WORKERS_PER_CORE} per core on this machine`);
    noStack(r.stderr);
  });
});

describe('caresim check FILE past the limits', () => {
  it.each([
    [
      'replications: 1e12',
      'replications: 2',
      'replications: 1e12',
      /:4:15: error\[too-many-replications\] 1,000,000,000,000 replications per strategy/,
    ],
    [
      'max_replications',
      'replications: 2',
      `replications: auto\nmax_replications: ${MAX_REPLICATIONS + 1}`,
      /:5:19: error\[too-many-replications\]/,
    ],
    [
      'rate: 1e308/day',
      'rate: 8/day',
      'rate: 1e308/day',
      /:6:3: error\[too-many-arrivals\] more arrivals in one replication than caresim can simulate/,
    ],
    [
      'rate: 1e7/day',
      'rate: 8/day',
      'rate: 1e7/day',
      /:6:3: error\[too-many-arrivals\] about 1,100,000,000 arrivals in one replication, more than caresim can simulate/,
    ],
    [
      'an overloaded unit whose queue outgrows the patient table',
      'capacity: 10, los: exponential(1 day), queue: none',
      'capacity: 10, los: exponential(1 day)',
      null,
    ],
  ])('check with %s exits 2 at the place, with the numbers', (name, from, to, message) => {
    const text = to.includes('exponential') ? BASE.replace(from, to).replace('rate: 8/day', 'rate: 1e6/day') : BASE.replace(from, to);
    const f = join(dir, `${String(name).replace(/\W+/g, '-')}.yaml`);
    writeFileSync(f, text);
    const r = runCli(['check', f]);
    expect(r.code).toBe(2);
    noStack(r.stderr);
    if (message) expect(r.stderr).toMatch(message);
    // 1e6 a day for 110 days into 10 beds: the queue grows by about 1e6 x 110 = 1.1e8 > the table.
    else
      expect(r.stderr).toMatch(
        new RegExp(`:8:3: error\\[too-many-patients\\] about 110,000,000 patients .* at most ${MAX_PATIENTS.toLocaleString('en-GB')}`, 's'),
      );
  });

  it('check passes a scenario just inside the limits: the limits do not refuse real systems', () => {
    const r = runCli(['check', scenario('inside.yaml', 'replications: 2', `replications: ${MAX_REPLICATIONS}`)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
