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

/** A cost rate as a planner writes it, per the unit its key is priced in (read.ts asks the same). */
const EXAMPLE: Record<Per, string> = { hour: '21.43/hour', day: '345/day', year: '27000/year' };

export function readMoney(env: Env, node: SNode, path: string, kind: 'cost' | 'cost-rate', per: Per = 'day'): number | null {
  const v = readNumber(env, node, path, kind, per);
  if (v === null || Math.abs(v) <= MAX_MONEY) return v;
  // `1e308/hour` is finite as written and infinite once made a cost a day: say what was written,
  // not "Infinity", which the planner never typed.
  const written = node.kind === 'scalar' ? `\`${node.text.trim()}\`` : 'the value';
  const rate = kind === 'cost-rate';
  const why = !Number.isFinite(v)
    ? `it is not a finite number once converted to pounds${rate ? ' a day' : ''}`
    : `£${v.toExponential(3)}${rate ? ' a day' : ''} is more money than any plan holds`;
  env.diags.error('bad-value', node.loc, path, `${written} is too large to be a cost: ${why}`, {
    expected: rate ? `a cost per ${per} of at most £1,000,000,000,000 a day, e.g. \`${EXAMPLE[per]}\`` : 'at most £1,000,000,000,000',
    hint: rate ? 'check the amount and its unit (a cost per hour, a day or a year?)' : 'check the amount (a cost once, not a day?)',
  });
  return null;
}
