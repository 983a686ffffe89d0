/**
 * The keys that shape the whole run and are the same for every strategy: format
 * version, name, time (horizon, warm-up, start date), seed, replications, assumptions.
 */
import type { CompiledScenario } from '../engine/index.js';
import type { Diagnostics } from './errors.js';
import type { SMap, SNode } from './tree.js';
import { child, describeNode } from './tree.js';
import type { Env } from './env.js';
import { readNumber, word } from './read.js';
import { parseDate } from './calendar.js';
import { minuteOfWeekAbs } from './calendar.js';
import { DAY } from '../engine/index.js';
import type { Clock } from './compile.js';
import { MAX_REPLICATIONS } from '../engine/index.js';
import { CompileMemo } from './compile-memo.js';

function tooMany(diags: Diagnostics, node: SNode, path: string, n: number): void {
  diags.error('too-many-replications', node.loc, path, `${n.toLocaleString('en-GB')} replications per strategy is past caresim's limit`, {
    expected: `at most ${MAX_REPLICATIONS.toLocaleString('en-GB')} per strategy`,
    hint: 'use `auto` to stop when the confidence intervals are tight enough',
  });
}

export const DEFAULT_START = '2024-01-01';

/**
 * The warm-up rounded up to whole days. The measured period starts at midnight of
 * `time.start`, and the engine's days (its daily series, the staffing day, the population's
 * daily step) run from t = 0: a warm-up that was not whole days (`3 months` is 91.25 days)
 * put t = 0, and so every one of those days, at another hour than midnight while the results
 * labelled them with calendar dates. A warm-up is time left out of the results, so a few hours
 * more of it cost nothing. Within a millionth of a day of a whole day counts as that day.
 */
export function wholeDays(minutes: number): number {
  const days = minutes / DAY,
    near = Math.round(days);
  return (Math.abs(days - near) < 1e-6 ? near : Math.ceil(days)) * DAY;
}

export interface Header extends Pick<
  CompiledScenario,
  'name' | 'replications' | 'maxReplications' | 'startDate' | 'horizonDays' | 'warmupDays' | 'assumptions'
> {
  seed: number;
  clock: Clock;
  /** What the compiles of this load (strategies, sweep points, lever ends, recompiles) share. */
  memo: CompileMemo;
  /** False when a header value is wrong: the rest is still checked, with stand-ins. */
  valid: boolean;
}

export function readHeader(root: SMap, env: Env, diags: Diagnostics, fallbackName: string): Header {
  let ok = true;
  const need = <T>(v: T | null): T => {
    if (v === null) ok = false;
    return v as T;
  };
  const ver = child(root, 'caresim');
  if (ver && !(ver.kind === 'scalar' && ver.text.trim() === '1')) {
    diags.error('unsupported-version', ver.loc, 'caresim', `format version ${describeNode(ver)}`, {
      expected: '`1`',
      hint: 'this version of caresim reads format 1',
    });
    ok = false;
  }
  const nameNode = child(root, 'name');
  const name = nameNode?.kind === 'scalar' && !nameNode.empty ? nameNode.text : fallbackName;

  const time = child(root, 'time');
  const hNode = child(time, 'horizon'),
    wNode = child(time, 'warmup'),
    sNode = child(time, 'start');
  const horizon = hNode ? need(readNumber(env, hNode, 'time.horizon', 'duration')) : null;
  if (hNode && horizon === 0) {
    diags.error('bad-value', hNode.loc, 'time.horizon', 'the horizon is zero', {
      expected: 'a measured period longer than zero',
      hint: 'e.g. `365 days`',
    });
    ok = false;
  }
  const warmup = wNode ? need(readNumber(env, wNode, 'time.warmup', 'duration')) : 0;
  let startDate = DEFAULT_START;
  if (sNode) {
    const d = sNode.kind === 'scalar' ? parseDate(sNode.text) : null;
    if (d === null) {
      diags.error('bad-date', sNode.loc, 'time.start', `found ${describeNode(sNode)}`, {
        expected: 'a date YYYY-MM-DD, e.g. `2027-01-04`',
      });
      ok = false;
    } else startDate = sNode.kind === 'scalar' ? sNode.text.trim() : startDate;
  }
  const limit = 1000 * 365 * DAY;
  if (horizon !== null && warmup !== null && horizon + warmup > limit) {
    diags.error('bad-value', hNode!.loc, 'time.horizon', 'warm-up and horizon add up to more than 1,000 years', {
      expected: 'a run of at most 1,000 years',
    });
    ok = false;
  }

  const seedNode = child(root, 'seed');
  const seed = seedNode ? need(readNumber(env, seedNode, 'seed', 'whole')) : 1;
  const repNode = child(root, 'replications');
  let replications: number | 'auto' = 'auto';
  if (repNode) {
    if (word(repNode) === 'auto') replications = 'auto';
    else {
      const r = need(readNumber(env, repNode, 'replications', 'whole'));
      if (r !== null && r < 1) {
        diags.error('bad-value', repNode.loc, 'replications', 'zero replications', { expected: 'at least 1, or `auto`' });
        ok = false;
      }
      if (r !== null && r > MAX_REPLICATIONS) {
        tooMany(diags, repNode, 'replications', r);
        ok = false;
      }
      replications = r ?? 1;
    }
  }
  const maxNode = child(root, 'max_replications');
  const maxReplications = maxNode ? need(readNumber(env, maxNode, 'max_replications', 'whole')) : 1000;
  if (maxNode && maxReplications !== null && maxReplications > MAX_REPLICATIONS) {
    tooMany(diags, maxNode, 'max_replications', maxReplications);
    ok = false;
  }
  const assumptions: string[] = [];
  const aNode = child(root, 'assumptions');
  if (aNode && aNode.kind === 'seq') {
    for (const it of aNode.items) {
      if (it.kind === 'scalar') assumptions.push(it.text);
      else {
        diags.error('wrong-type', it.loc, 'assumptions', `found ${describeNode(it)}`, { expected: 'a sentence' });
        ok = false;
      }
    }
  } else if (aNode && !(aNode.kind === 'scalar' && aNode.empty)) {
    diags.error('wrong-type', aNode.loc, 'assumptions', `found ${describeNode(aNode)}`, { expected: 'a list of sentences' });
    ok = false;
  }
  const h = horizon || 365 * DAY,
    w = wholeDays(warmup ?? 0);
  const t0 = (parseDate(startDate) as number) * DAY - w;
  return {
    name,
    seed: seed ?? 1,
    replications,
    maxReplications: maxReplications ?? 1000,
    startDate,
    assumptions,
    horizonDays: h / DAY,
    warmupDays: w / DAY,
    clock: { name, t0, warmup: w, horizon: h, weekOffset: minuteOfWeekAbs(t0) },
    memo: new CompileMemo(),
    valid: ok && horizon !== null && warmup !== null,
  };
}
