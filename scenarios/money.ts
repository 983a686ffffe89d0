/**
 * Money values (costs per day, one-off costs) read with a sane upper bound: sums over a plan's
 * years of a value near the largest double overflow to infinity, which would reach the
 * terminal and the report as £∞ and £NaN.
 */
import type { SNode } from './tree.js';
import type { Env } from './env.js';
import { readNumber, type Per } from './read.js';

/** A trillion pounds, a day or at once: far beyond any ICS budget, far below overflow. */
export const MAX_MONEY = 1e12;

export function readMoney(env: Env, node: SNode, path: string, kind: 'cost' | 'cost-rate', per: Per = 'day'): number | null {
  const v = readNumber(env, node, path, kind, per);
  if (v === null || Math.abs(v) <= MAX_MONEY) return v;
  env.diags.error('bad-value', node.loc, path, `${v.toExponential(3)} is more money than any plan holds`, {
    expected: 'at most £1,000,000,000,000',
    hint: 'check the amount and its unit (a cost a day, or once?)',
  });
  return null;
}
