/**
 * The economic keys outside the units: `economics` (discount rate, plan years; the same for
 * every strategy) and a strategy's `one_off` cost and `double_running` period. Each value is
 * read with its location, so a mistake is reported where it was written.
 */
import type { Economics } from '../engine/index.js';
import type { SNode } from './tree.js';
import { child } from './tree.js';
import type { Env } from './env.js';
import { readNumber } from './read.js';
import { readMoney } from './money.js';
import { DAY } from '../engine/index.js';

/** HM Treasury Green Book discount rate, and a usual length of an ICS plan. */
export const DEFAULT_DISCOUNT_RATE = 0.035;
export const DEFAULT_PLAN_YEARS = 5;

export interface EconomicSettings {
  discountRate: number;
  planYears: number;
}

/** `economics:` of the scenario; defaults where a key is absent. Null after reporting a problem. */
export function readEconomicSettings(root: SNode, env: Env): EconomicSettings | null {
  const node = child(root, 'economics');
  const rNode = child(node, 'discount_rate'),
    yNode = child(node, 'plan_years');
  const discountRate = rNode ? readNumber(env, rNode, 'economics.discount_rate', 'probability') : DEFAULT_DISCOUNT_RATE;
  const planYears = yNode ? readNumber(env, yNode, 'economics.plan_years', 'whole') : DEFAULT_PLAN_YEARS;
  if (yNode && planYears === 0) {
    env.diags.error('bad-value', yNode.loc, 'economics.plan_years', 'a plan of zero years', {
      expected: 'at least 1 year',
      hint: 'e.g. `plan_years: 5`',
    });
    return null;
  }
  if (planYears !== null && planYears > 100) {
    env.diags.error('bad-value', yNode!.loc, 'economics.plan_years', `a plan of ${planYears} years`, { expected: 'at most 100 years' });
    return null;
  }
  return discountRate === null || planYears === null ? null : { discountRate, planYears };
}

/** A strategy's `one_off` and `double_running` (absent: none), with the plan settings. */
export function readStrategyEconomics(node: SNode | undefined, path: string, env: Env, settings: EconomicSettings): Economics | null {
  const oNode = child(node, 'one_off'),
    dNode = child(node, 'double_running');
  const oneOff = oNode ? readMoney(env, oNode, `${path}.one_off`, 'cost') : 0;
  const running = dNode ? readNumber(env, dNode, `${path}.double_running`, 'duration') : 0;
  if (oneOff === null || running === null) return null;
  if (dNode && running / DAY > settings.planYears * 365) {
    // Money after the plan ends is outside every figure (NPV, payback, net cost), so a longer
    // transition would be cut to the plan without a word.
    env.diags.error(
      'bad-value',
      dNode.loc,
      `${path}.double_running`,
      `double running of ${Math.round(running / DAY)} days, longer than the plan`,
      {
        expected: `at most the plan's ${settings.planYears} years (economics.plan_years)`,
        hint: 'shorten the transition, or lengthen `economics: { plan_years: ... }`',
      },
    );
    return null;
  }
  return { oneOff, doubleRunningDays: running / DAY, discountRate: settings.discountRate, planYears: settings.planYears };
}
