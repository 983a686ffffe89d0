/**
 * One `arrivals.<name>` entry to engine Sources: `from: population` gives one source per
 * cohort (rate = people x crisis rate, kept current by the engine); a plain source has a
 * rate, a weekly profile, a cohort mix and optionally a fixed timetable.
 */
import type { Source } from '../engine/index.js';
import type { SNode } from './tree.js';
import { child, describeNode } from './tree.js';
import { readNumber, word } from './read.js';
import { readRoute } from './routing.js';
import { builtinProfile, weekProfile, parseClock } from './calendar.js';
import { DAY } from '../engine/index.js';
import type { Ctx } from './context.js';

export function compileSource(ctx: Ctx, name: string, node: SNode, seasonOn: boolean): Source[] | null {
  const path = `arrivals.${name}`;
  if (node.kind !== 'map') return null;
  let ok = true;
  const need = <T>(v: T | null): T => {
    if (v === null) ok = false;
    return v as T;
  };
  const fromNode = child(node, 'from');
  const rateNode = child(node, 'rate');
  const ttNode = child(node, 'timetable');
  const toNode = child(node, 'to');
  const to = toNode ? need(readRoute(ctx, toNode, `${path}.to`)) : null;
  if (!toNode) ok = false;
  const profNode = child(node, 'profile');
  const profile = profNode ? need(readProfile(ctx, profNode, `${path}.profile`)) : null;
  const seasNode = child(node, 'seasonal');
  let seasonal = fromNode !== undefined && seasonOn;
  if (seasNode) {
    const w = word(seasNode);
    if (w === 'true' || w === 'false') seasonal = w === 'true';
    else {
      ctx.diags.error('bad-value', seasNode.loc, `${path}.seasonal`, `found ${describeNode(seasNode)}`, { expected: '`true` or `false`' });
      ok = false;
    }
  }
  if (fromNode) {
    if (word(fromNode) !== 'population') {
      ctx.diags.error('bad-value', fromNode.loc, `${path}.from`, `found ${describeNode(fromNode)}`, {
        expected: '`population`',
        hint: 'for a plain stream write `rate: 150/day` instead',
      });
      return null;
    }
    if (!child(ctx.root, 'population')) {
      ctx.diags.error('no-population', fromNode.loc, `${path}.from`, 'the scenario has no `population` section', {
        expected: 'a `population:` with cohorts',
        hint: 'add a population, or give this stream a `rate:`',
      });
      return null;
    }
    for (const k of ['rate', 'timetable', 'cohort']) {
      if (child(node, k)) {
        ctx.diags.error('conflicting-keys', fromNode.loc, `${path}.${k}`, `\`${k}\` cannot be combined with \`from: population\``, {
          expected: 'crises from the population, or a plain stream',
        });
        ok = false;
      }
    }
    if (!ok || !to) return null;
    return ctx.cohorts.map((c, i) => ({
      name: `${name}.${c}`,
      rate: 0,
      profile,
      seasonal,
      cohort: i,
      cohortMix: ctx.cohorts.map((_, j) => (j >= i ? 1 : 0)),
      to,
    }));
  }
  let rate = 0;
  let timetable: Source['timetable'];
  if (ttNode) {
    timetable = need(readTimetable(ctx, ttNode, `${path}.timetable`)) ?? undefined;
    if (rateNode) {
      ctx.diags.error('conflicting-keys', rateNode.loc, `${path}.rate`, '`rate` and `timetable` are both given', {
        expected: 'one of them',
      });
      ok = false;
    }
    if (timetable) rate = timetable.times.length / timetable.period;
  } else if (rateNode) {
    rate = need(readNumber(ctx.env, rateNode, `${path}.rate`, 'rate')) ?? 0;
  } else {
    ctx.diags.error('missing-key', node.loc, `${path}.rate`, 'the stream has no `rate`, `timetable` or `from`', {
      expected: 'e.g. `rate: 150/day` or `from: population`',
    });
    ok = false;
  }
  const mixNode = child(node, 'cohort');
  const cohortMix = mixNode ? need(readMix(ctx, mixNode, `${path}.cohort`)) : defaultMix(ctx);
  if (!ok || !to) return null;
  const src: Source = { name, rate, profile, seasonal, cohort: -1, cohortMix, to };
  if (timetable) src.timetable = timetable;
  return [src];
}

function defaultMix(ctx: Ctx): number[] {
  const total = ctx.people.reduce((a, b) => a + b, 0);
  let acc = 0;
  const n = ctx.cohorts.length;
  const cum = ctx.people.map((p) => (acc += total > 0 ? p / total : 1 / n));
  cum[n - 1] = 1;
  return cum;
}

function readMix(ctx: Ctx, node: SNode, path: string): number[] | null {
  const n = ctx.cohorts.length;
  if (node.kind === 'scalar') {
    const w = word(node);
    const i = w ? ctx.cohorts.indexOf(w) : -1;
    if (i < 0) {
      ctx.diags.error('unknown-cohort', node.loc, path, `\`${node.text}\` is not a cohort`, {
        expected: `one of ${ctx.cohorts.map((c) => `\`${c}\``).join(', ')}`,
      });
      return null;
    }
    return ctx.cohorts.map((_, j) => (j >= i ? 1 : 0));
  }
  if (node.kind !== 'map') return null;
  const shares = new Array<number>(n).fill(0);
  let rest = -1,
    sum = 0,
    ok = true;
  for (const e of node.entries) {
    const i = ctx.cohorts.indexOf(e.key);
    if (i < 0) {
      ctx.diags.error('unknown-cohort', e.keyLoc, `${path}.${e.key}`, `\`${e.key}\` is not a cohort`, {
        expected: `one of ${ctx.cohorts.map((c) => `\`${c}\``).join(', ')}`,
      });
      ok = false;
      continue;
    }
    if (word(e.value) === 'rest') {
      rest = i;
      continue;
    }
    const v = readNumber(ctx.env, e.value, `${path}.${e.key}`, 'probability');
    if (v === null) {
      ok = false;
      continue;
    }
    shares[i] = v;
    sum += v;
  }
  if (!ok) return null;
  if (sum > 1 + 1e-9 || (rest < 0 && Math.abs(sum - 1) > 1e-6)) {
    ctx.diags.error('probability-sum', node.loc, path, `cohort shares add up to ${Number((sum * 100).toPrecision(6))}%`, {
      expected: 'shares that add up to 100%',
      hint: 'use `rest` for one cohort',
    });
    return null;
  }
  if (rest >= 0) shares[rest] = 1 - sum;
  let acc = 0;
  const cum = shares.map((s) => (acc += s));
  cum[n - 1] = 1;
  return cum;
}

function readProfile(ctx: Ctx, node: SNode, path: string): number[] | null {
  if (node.kind === 'scalar') {
    const p = builtinProfile(node.text.trim());
    if (p !== undefined) return p;
    ctx.diags.error('bad-value', node.loc, path, `unknown profile ${describeNode(node)}`, {
      expected: '`flat`, `weekday`, `office-hours`, or `{ weekday: [7 factors], hour: [24 factors] }`',
    });
    return null;
  }
  const factors = (key: string, len: number): number[] | null => {
    const n = child(node, key);
    if (!n) return new Array<number>(len).fill(1);
    if (n.kind !== 'seq' || n.items.length !== len) {
      ctx.diags.error('bad-profile', n.loc, `${path}.${key}`, `found ${n.kind === 'seq' ? `${n.items.length} factors` : describeNode(n)}`, {
        expected: `a list of ${len} factors`,
      });
      return null;
    }
    const out = n.items.map((it, i) => readNumber(ctx.env, it, `${path}.${key}[${i}]`, 'count'));
    return out.some((x) => x === null) ? null : (out as number[]);
  };
  if (node.kind === 'map') {
    for (const e of node.entries) {
      if (e.key !== 'weekday' && e.key !== 'hour')
        ctx.diags.error('unknown-key', e.keyLoc, `${path}.${e.key}`, `unknown key \`${e.key}\``, { expected: '`weekday` or `hour`' });
    }
  }
  const d = factors('weekday', 7),
    h = factors('hour', 24);
  if (!d || !h) return null;
  const p = weekProfile(d, h);
  if (!p) ctx.diags.error('bad-profile', node.loc, path, 'every factor is zero', { expected: 'at least one positive factor' });
  return p;
}

function readTimetable(ctx: Ctx, node: SNode, path: string): { times: number[]; period: number } | null {
  const timesNode = child(node, 'times');
  const everyNode = child(node, 'every');
  const period = everyNode ? readNumber(ctx.env, everyNode, `${path}.every`, 'duration') : DAY;
  if (!timesNode || timesNode.kind !== 'seq' || timesNode.items.length === 0) {
    if (timesNode)
      ctx.diags.error('wrong-type', timesNode.loc, `${path}.times`, `found ${describeNode(timesNode)}`, {
        expected: 'a list of times such as `[08:00, 14:00]`',
      });
    return null;
  }
  const times: number[] = [];
  for (const it of timesNode.items) {
    const m = it.kind === 'scalar' ? parseClock(it.text) : null;
    if (m === null) {
      ctx.diags.error('bad-time', it.loc, `${path}.times`, `found ${describeNode(it)}`, { expected: 'a time of day `HH:MM`' });
      return null;
    }
    times.push(m);
  }
  if (period === null || period <= 0) return null;
  if (times.some((t) => t >= period)) {
    ctx.diags.error('bad-time', timesNode.loc, `${path}.times`, 'a time falls outside the period', { expected: 'times within `every`' });
    return null;
  }
  return { times: times.sort((a, b) => a - b), period };
}
