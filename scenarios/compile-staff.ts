/**
 * The `staff:` section and a unit's `staff:` key to the engine's StaffGroup and Staffing.
 * One formula per group (README "Workforce"):
 *
 *   WTE working        = establishment x (1 - vacancy) + establishment x vacancy x agency
 *   WTE available, d   = WTE working x max(0, 1 - leave - absence_d)      (absence drawn daily)
 *   contact hours, d   = WTE available x hours a week / 7 x contact
 *   cost a day         = establishment x ((1 - vacancy) + vacancy x agency x (1 + agency_premium)) x cost
 *
 * and a unit's places that day = its share of the contact hours / hours a place needs a day
 * (home care: visits a day x (visit + travel)), never more than its funded `capacity`.
 */
import type { Dist, Schedule, StaffGroup, Staffing } from '../engine/index.js';
import type { SNode } from './tree.js';
import { child, describeNode } from './tree.js';
import { readNumber, word, lastKey } from './read.js';
import { readMoney } from './money.js';
import { readCapacity, STAFF_ROSTER } from './schedule.js';
import { toDist } from './dist.js';
import { ExprError, closest } from './expressions.js';
import { DAY, HOUR, WEEK } from '../engine/index.js';
import type { Ctx } from './context.js';

/** Default paid hours of one WTE a week (NHS Agenda for Change full time). */
export const WTE_HOURS = 37.5 * HOUR;

export function staffNames(ctx: Pick<Ctx, 'root'>): string[] {
  const node = child(ctx.root, 'staff');
  return node?.kind === 'map' ? node.entries.map((e) => e.key) : [];
}

export function compileStaff(ctx: Ctx): StaffGroup[] | null {
  const node = child(ctx.root, 'staff');
  if (!node || node.kind !== 'map') return []; // a wrong type is reported by the key check
  const out: StaffGroup[] = [];
  let ok = true;
  for (const e of node.entries) {
    const g = compileGroup(ctx, e.key, e.value);
    if (g) out.push(g);
    else ok = false;
  }
  return ok ? out : null;
}

/** More WTE than this is a typo (the NHS in England employs about 1.5 million people); larger numbers overflow the day's sums. */
export const MAX_WTE = 10_000_000;

function compileGroup(ctx: Ctx, name: string, node: SNode): StaffGroup | null {
  if (node.kind !== 'map') return null; // reported by the key check
  const path = `staff.${name}`,
    env = ctx.env;
  const num = (key: string, kind: 'number' | 'probability' | 'duration' | 'cost-rate', dflt: number): number | null => {
    const n = child(node, key);
    if (!n) return dflt;
    // Pay per WTE is a yearly figure: a bare `cost: 27000` is offered `/year`, not `/day`.
    const v = kind === 'cost-rate' ? readMoney(env, n, `${path}.${key}`, kind, 'year') : readNumber(env, n, `${path}.${key}`, kind, 'day');
    if (v !== null && kind === 'number' && v < 0) {
      ctx.diags.error('negative', n.loc, `${path}.${key}`, `${key} is negative (${describeNode(n)})`, {
        expected: 'a number of at least 0',
      });
      return null;
    }
    return v;
  };
  let establishment = child(node, 'establishment') ? num('establishment', 'number', 0) : null; // missing: the key check says so
  if (establishment !== null && establishment > MAX_WTE) {
    ctx.diags.error(
      'bad-value',
      child(node, 'establishment')!.loc,
      `${path}.establishment`,
      `${establishment.toExponential(3)} WTE is more staff than any health system has`,
      {
        expected: `at most ${MAX_WTE.toLocaleString('en-GB')} WTE`,
        hint: 'the funded whole-time equivalents of this group, e.g. `establishment: 420`',
      },
    );
    establishment = null;
  }
  const vacancy = num('vacancy', 'probability', 0);
  const agency = num('agency', 'probability', 0);
  const premium = num('agency_premium', 'number', 0);
  const leave = num('leave', 'probability', 0);
  const hours = num('hours', 'duration', WTE_HOURS);
  const contact = num('contact', 'probability', 1);
  const cost = num('cost', 'cost-rate', 0);
  const absence = readAbsence(ctx, child(node, 'absence'), `${path}.absence`);
  const rosterNode = child(node, 'roster');
  const roster = rosterNode ? readRoster(ctx, rosterNode, `${path}.roster`) : undefined;
  if (
    establishment === null ||
    vacancy === null ||
    agency === null ||
    premium === null ||
    leave === null ||
    hours === null ||
    contact === null ||
    cost === null ||
    absence === null ||
    roster === null
  )
    return null;
  if (hours > WEEK) {
    ctx.diags.error(
      'bad-value',
      child(node, 'hours')!.loc,
      `${path}.hours`,
      `hours is ${hours / HOUR} hours a week, more than a week has`,
      {
        expected: 'the paid hours of one WTE a week',
        hint: 'e.g. `37.5 hours`',
      },
    );
    return null;
  }
  const inPost = establishment * (1 - vacancy),
    filled = establishment * vacancy * agency;
  return {
    name,
    wte: inPost + filled,
    establishment,
    leave,
    absence,
    contactPerWte: (hours / 7) * contact,
    costPerDay: (inPost + filled * (1 + premium)) * cost,
    ...(roster ? { roster } : {}),
  };
}

/**
 * A group's roster: the same shape as a capacity schedule, with levels (WTE on shift, or any
 * weights) instead of places. A plain number is a flat roster: the same as none, so none is kept.
 */
function readRoster(ctx: Ctx, node: SNode, path: string): Schedule | undefined | null {
  const r = readCapacity(ctx, node, path, STAFF_ROSTER);
  if (!r) return null;
  if (r.capacity > MAX_WTE) {
    ctx.diags.error(
      'bad-value',
      node.loc,
      path,
      `a roster level of ${r.capacity.toExponential(3)} is more staff than any health system has`,
      {
        expected: `levels of at most ${MAX_WTE.toLocaleString('en-GB')} (WTE on shift, or weights of that size)`,
        hint: 'levels are the staff on shift at each time, e.g. `{ base: 4, shifts: [{ days: mon-sun, hours: 08:00-20:00, on: 11 }] }`',
      },
    );
    return null;
  }
  if (!(r.capacity > 0)) {
    ctx.diags.error('bad-value', node.loc, path, 'nobody is ever on shift, so the staff would give no places', {
      expected: 'a level above 0 on some shift',
      hint: 'e.g. `{ base: 4, shifts: [{ days: mon-sun, hours: 08:00-20:00, on: 11 }] }`',
    });
    return null;
  }
  return r.schedule;
}

/** A share absent: a probability, or a distribution of them drawn each day. */
function readAbsence(ctx: Ctx, node: SNode | undefined, path: string): Dist | null {
  if (!node) return { kind: 'fixed', value: 0 };
  const v = ctx.env.eval(node, path);
  if (!v) return null;
  try {
    const d = toDist(v, 0).dist;
    const bad =
      d.kind === 'fixed'
        ? d.value < 0 || d.value > 1
        : d.kind === 'uniform' || d.kind === 'triangular'
          ? d.min < 0 || d.max > 1
          : d.kind === 'empirical'
            ? d.values.some((x) => x < 0 || x > 1)
            : false;
    if (bad) {
      ctx.diags.error('probability-range', node.loc, path, `${lastKey(path)} reaches outside 0% to 100% (${describeNode(node)})`, {
        expected: 'shares absent between 0% and 100%',
      });
      return null;
    }
    return d;
  } catch (e) {
    if (e instanceof ExprError && (e.code === 'wrong-dimension' || e.code === 'missing-unit')) {
      ctx.diags.error(
        'wrong-dimension',
        node.loc,
        path,
        `absence expects a share (or a distribution of shares), got ${describeNode(node)}: ${e.message}`,
        {
          expected: 'e.g. `5.6%` or `uniform(3%, 9%)`',
        },
      );
      return null;
    }
    ctx.env.report(e, node, path);
    return null;
  }
}

/** `units.<u>.staff`: the group, the unit's share of it, and what a place needs a day. */
export function readStaffing(ctx: Ctx, node: SNode, path: string): Staffing | null {
  if (node.kind !== 'map') return null; // reported by the key check
  const env = ctx.env;
  const groupNode = child(node, 'group');
  if (!groupNode) return null; // missing-key reported by the key check
  const names = staffNames(ctx);
  const g = word(groupNode);
  if (!g || !names.includes(g)) {
    const c = g ? closest(g, names) : undefined;
    ctx.diags.error('unknown-staff', groupNode.loc, `${path}.group`, `${describeNode(groupNode)} is not a staff group`, {
      expected: names.length > 0 ? `one of ${names.map((n) => `\`${n}\``).join(', ')}` : 'a group declared under `staff:`',
      hint: c ? `did you mean \`${c}\`?` : 'declare it under `staff:`',
    });
    return null;
  }
  const shareNode = child(node, 'share');
  const share = shareNode ? readNumber(env, shareNode, `${path}.share`, 'probability') : 1;
  const perNode = child(node, 'per_place'),
    visitsNode = child(node, 'visits'),
    visitNode = child(node, 'visit'),
    travelNode = child(node, 'travel');
  let perPlace: number | null;
  if (perNode && (visitsNode || visitNode || travelNode)) {
    ctx.diags.error('duplicate-meaning', perNode.loc, `${path}.per_place`, '`per_place` and `visits`/`visit`/`travel` are both given', {
      expected: 'either `per_place`, or `visits` with `visit` (and `travel`)',
      hint: 'per_place = visits x (visit + travel); keep one way',
    });
    return null;
  }
  if (perNode) {
    perPlace = readNumber(env, perNode, `${path}.per_place`, 'duration');
  } else if (visitsNode && visitNode) {
    const visits = readNumber(env, visitsNode, `${path}.visits`, 'rate');
    const visit = readNumber(env, visitNode, `${path}.visit`, 'duration');
    const travel = travelNode ? readNumber(env, travelNode, `${path}.travel`, 'duration') : 0;
    if (visits === null || visit === null || travel === null) return null;
    perPlace = visits * DAY * (visit + travel);
  } else {
    ctx.diags.error('missing-key', node.loc, `${path}.per_place`, 'how much staff time a place needs is missing', {
      expected: '`per_place` (contact time a place needs a day), or `visits` and `visit` (and `travel`) for home care',
      hint: 'add e.g. `per_place: 4 hours` or `visits: 4/day, visit: 30 minutes, travel: 15 minutes`',
    });
    return null;
  }
  const rateNode = child(node, 'hourly_rate');
  // A price per hour: read as a cost-rate (per day), then per minute of paid staff time.
  const rate = rateNode ? readMoney(env, rateNode, `${path}.hourly_rate`, 'cost-rate', 'hour') : 0;
  if (perPlace === null || share === null || rate === null) return null;
  if (!(perPlace > 0)) {
    ctx.diags.error(
      'bad-value',
      (perNode ?? visitsNode ?? node).loc,
      `${path}.${perNode ? 'per_place' : 'visits'}`,
      'a place needs no staff time, so staff would give it unlimited places',
      {
        expected: 'more than 0 hours of staff time a place a day',
      },
    );
    return null;
  }
  const out: Staffing = { group: names.indexOf(g), share: share, perPlace };
  if (rate > 0) out.hourCostPerPlaceDay = (perPlace * rate) / DAY;
  return out;
}
