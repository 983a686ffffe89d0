/**
 * Distribution calls (`lognormal(6 days, 7 days)`) to the engine's `Dist`, checking the
 * number of arguments, their kind (durations, rates, plain numbers) and their ranges.
 */
import type { Dist } from '../engine/index.js';
import { distProblem } from '../engine/index.js';
import { ExprError } from './expressions.js';
import { describeDim, describeValue, type Qty, type Value } from './quantity.js';

const SIGNATURES: Record<string, string> = {
  exponential: 'exponential(mean)',
  lognormal: 'lognormal(mean, sd)',
  gamma: 'gamma(mean, sd)',
  erlang: 'erlang(mean, k)',
  weibull: 'weibull(shape, scale)',
  uniform: 'uniform(min, max)',
  triangular: 'triangular(min, mode, max)',
  fixed: 'fixed(value)',
  empirical: 'empirical([v1, v2, ...])',
};

/**
 * The value's distribution with parameters in base units (minutes), and the time power
 * of its samples. `t` = the expected power, or null to take it from the arguments.
 */
export function toDist(v: Value, t: number | null): { dist: Dist; t: number } {
  if (v.k === 'list')
    throw new ExprError(
      'wrong-type',
      'found a list',
      'a distribution or a single value',
      'use `empirical([...])` for a list of observed values',
    );
  if (v.k === 'q') {
    checkDim(v, t, 'the value');
    return { dist: { kind: 'fixed', value: v.n }, t: v.t };
  }
  const sig = SIGNATURES[v.name];
  const arity = v.name === 'empirical' ? 1 : sig.split(',').length;
  if (v.args.length !== arity || (v.name === 'empirical' && v.args[0]?.k !== 'list')) {
    throw new ExprError('wrong-arguments', `\`${v.name}\` got ${v.args.length} argument${v.args.length === 1 ? '' : 's'}`, sig);
  }
  const q = (i: number, what: string): Qty => {
    const a = v.args[i];
    if (a.k !== 'q')
      throw new ExprError('wrong-type', `${what} of \`${v.name}\` is ${describeValue(a)}`, `${sig} with a number or quantity`);
    return a;
  };
  const plain = (i: number, what: string): number => {
    const a = q(i, what);
    if (a.t !== 0)
      throw new ExprError('wrong-dimension', `${what} of \`${v.name}\` is ${describeDim(a.t)}`, `${sig}: ${what} is a plain number`);
    return a.n;
  };
  const scaled = (idx: number[], names: string[]): { ns: number[]; t: number } => {
    const qs = idx.map((i, j) => q(i, names[j]));
    const tt = t ?? qs[0].t;
    qs.forEach((x, j) => checkDim(x, tt, `${names[j]} of \`${v.name}\``));
    return { ns: qs.map((x) => x.n), t: tt };
  };
  let dist: Dist, tt: number;
  switch (v.name) {
    case 'exponential': {
      const s = scaled([0], ['the mean']);
      dist = { kind: 'exponential', mean: s.ns[0] };
      tt = s.t;
      break;
    }
    case 'lognormal':
    case 'gamma': {
      const s = scaled([0, 1], ['the mean', 'the sd']);
      dist = { kind: v.name, mean: s.ns[0], sd: s.ns[1] };
      tt = s.t;
      break;
    }
    case 'erlang': {
      const s = scaled([0], ['the mean']);
      dist = { kind: 'erlang', mean: s.ns[0], k: plain(1, 'k') };
      tt = s.t;
      break;
    }
    case 'weibull': {
      const s = scaled([1], ['the scale']);
      dist = { kind: 'weibull', shape: plain(0, 'the shape'), scale: s.ns[0] };
      tt = s.t;
      break;
    }
    case 'uniform': {
      const s = scaled([0, 1], ['min', 'max']);
      dist = { kind: 'uniform', min: s.ns[0], max: s.ns[1] };
      tt = s.t;
      break;
    }
    case 'triangular': {
      const s = scaled([0, 1, 2], ['min', 'mode', 'max']);
      dist = { kind: 'triangular', min: s.ns[0], mode: s.ns[1], max: s.ns[2] };
      tt = s.t;
      break;
    }
    case 'fixed': {
      const s = scaled([0], ['the value']);
      dist = { kind: 'fixed', value: s.ns[0] };
      tt = s.t;
      break;
    }
    default: {
      const list = v.args[0] as { k: 'list'; items: Value[] };
      if (list.items.length === 0)
        throw new ExprError('wrong-arguments', '`empirical` got an empty list', 'empirical([v1, v2, ...]) with at least one value');
      const qs = list.items as Qty[];
      tt = t ?? qs[0].t;
      qs.forEach((x) => checkDim(x, tt, 'a value of `empirical`'));
      dist = { kind: 'empirical', values: qs.map((x) => x.n) };
    }
  }
  const problem = distProblem(dist);
  if (problem) throw new ExprError('bad-distribution', `\`${v.name}\`: ${problem}`, sig);
  return { dist, t: tt };
}

function checkDim(q: Qty, t: number | null, what: string): void {
  if (t === null || q.t === t) return;
  if (q.t === 0 && t !== 0) {
    throw new ExprError(
      'missing-unit',
      `${what} is a plain number`,
      describeDim(t),
      t === 1 ? 'add a unit, e.g. `5 days` or `3 hours`' : 'add a unit, e.g. `320/day`',
    );
  }
  throw new ExprError('wrong-dimension', `${what} is ${describeDim(q.t)}`, describeDim(t));
}
