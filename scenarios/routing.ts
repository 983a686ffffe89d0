/**
 * Routes (`to`, `next`): a name, or a map of destination to probability with `rest` for
 * the remainder, where a probability, or the whole route, may depend on the cohort.
 * Compiled to cumulative probabilities per cohort.
 */
import type { Route } from '../engine/index.js';
import type { SNode, SMap } from './tree.js';
import { describeNode } from './tree.js';
import { closest } from './expressions.js';
import { readNumber, word, perCohort } from './read.js';
import { destCode, type Ctx } from './context.js';

const EPS = 1e-9;

function isPerCohortRoute(ctx: Ctx, node: SMap): boolean {
  return (
    node.entries.length > 0 &&
    node.entries.some((e) => e.key === 'default' || ctx.cohorts.includes(e.key)) &&
    node.entries.every((e) => (e.key === 'default' || ctx.cohorts.includes(e.key)) && !ctx.units.includes(e.key))
  );
}

/** Checks a destination name; reports unknown names (a typo would otherwise be an exit). */
export function checkDest(ctx: Ctx, name: string, node: SNode, path: string): boolean {
  if (ctx.units.includes(name) || ctx.knownExits.has(name)) return true;
  const c = closest(name, [...ctx.units, ...ctx.knownExits]);
  ctx.diags.error('unknown-destination', node.loc, path, `\`${name}\` is neither a unit nor a known exit`, {
    expected: `a unit (${ctx.units.map((u) => `\`${u}\``).join(', ')}) or an exit such as \`home\` or \`death\``,
    hint: c ? `did you mean \`${c}\`? (a new exit must be declared under \`exits:\`)` : 'declare a new exit under `exits:`',
  });
  return false;
}

export function readRoute(ctx: Ctx, node: SNode, path: string): Route[] | null {
  const n = ctx.cohorts.length;
  if (node.kind === 'scalar') {
    const w = word(node);
    if (!w) {
      ctx.diags.error('bad-route', node.loc, path, `found ${describeNode(node)}`, {
        expected: 'a unit or exit name, or a map of destination to probability',
        hint: 'e.g. `{ home: 60%, p1: rest }`',
      });
      return null;
    }
    if (!checkDest(ctx, w, node, path)) return null;
    const code = destCode(ctx, w);
    return Array.from({ length: n }, () => ({ dest: [code], cum: [1] }));
  }
  if (node.kind === 'seq') {
    ctx.diags.error('bad-route', node.loc, path, 'found a list', {
      expected: 'a unit or exit name, or a map of destination to probability',
    });
    return null;
  }
  if (isPerCohortRoute(ctx, node)) {
    return perCohort<Route>(ctx.env, node, path, ctx.cohorts, (v, p) => {
      const r = readRoute(ctx, v, p);
      return r ? r[0] : null;
    });
  }
  return destMap(ctx, node, path);
}

function destMap(ctx: Ctx, node: SMap, path: string): Route[] | null {
  const n = ctx.cohorts.length;
  let ok = true;
  const dests: number[] = [];
  // NaN marks `rest`, which may also be given for one cohort only.
  const probs: (number[] | null)[] = [];
  for (const e of node.entries) {
    const p = `${path}.${e.key}`;
    if (!checkDest(ctx, e.key, { ...e.value, loc: e.keyLoc }, p)) {
      ok = false;
      continue;
    }
    dests.push(destCode(ctx, e.key));
    const v = perCohort(ctx.env, e.value, p, ctx.cohorts, (x, pp) =>
      word(x) === 'rest' ? NaN : readNumber(ctx.env, x, pp, 'probability'),
    );
    if (!v) ok = false;
    probs.push(v);
  }
  if (!ok) return null;
  if (dests.length === 0) {
    ctx.diags.error('bad-route', node.loc, path, 'the route has no destination', {
      expected: 'at least one destination',
      hint: 'e.g. `home: 100%`',
    });
    return null;
  }
  const out: Route[] = [];
  for (let c = 0; c < n; c++) {
    const ps = probs.map((p) => (p ? p[c] : 0));
    const rests = ps.flatMap((p, i) => (Number.isNaN(p) ? [i] : []));
    const sum = ps.reduce((a, b) => (Number.isNaN(b) ? a : a + b), 0);
    const who = n > 1 ? ` for cohort \`${ctx.cohorts[c]}\`` : '';
    if (rests.length > 1) {
      const e = node.entries[rests[1]];
      ctx.diags.error('probability-sum', e.value.loc, `${path}.${e.key}`, `\`rest\` is used twice${who}`, {
        expected: '`rest` on at most one destination',
      });
      return null;
    }
    if (sum > 1 + EPS) {
      ctx.diags.error('probability-sum', node.loc, path, `probabilities${who} add up to ${pct(sum)}, above 100%`, {
        expected: 'probabilities that add up to 100%',
        hint: 'lower one of them, or use `rest` for the remainder',
      });
      return null;
    }
    if (rests.length === 1) ps[rests[0]] = Math.max(0, 1 - sum);
    else if (sum < 1 - 1e-6) {
      ctx.diags.error('probability-sum', node.loc, path, `probabilities${who} add up to ${pct(sum)}, not 100%`, {
        expected: 'probabilities that add up to 100%',
        hint: 'write `rest` for the destination that takes the remainder',
      });
      return null;
    }
    let acc = 0;
    const cum = ps.map((p) => (acc += p));
    cum[cum.length - 1] = 1;
    out.push({ dest: dests.slice(), cum });
  }
  return out;
}

function pct(x: number): string {
  return `${Number((x * 100).toPrecision(6))}%`;
}

/** A route's destinations (codes 0 and up: units) and their probabilities, in the order of `routeProbs`. */
export interface RouteShares {
  readonly dests: readonly number[];
  readonly probs: readonly number[];
}

const sharesOf = new WeakMap<Route, RouteShares>();

/**
 * The units a route sends patients to, with each one's probability (exits left out), as two
 * lists. PERF: the demand and traffic equations read routes at every round and every day of a
 * window; iterating `routeProbs`' Map there made a pair per destination each time (a sixth of
 * what a load of the default ICS allocated).
 */
export function routeShares(r: Route): RouteShares {
  const hit = sharesOf.get(r);
  if (hit) return hit;
  const dests: number[] = [],
    probs: number[] = [];
  for (const [d, p] of routeProbs(r)) {
    if (d < 0) continue;
    dests.push(d);
    probs.push(p);
  }
  const shares = { dests, probs };
  sharesOf.set(r, shares);
  return shares;
}

/** Each compiled route's probabilities, worked out once: a compiled route never changes. */
const probsOf = new WeakMap<Route, ReadonlyMap<number, number>>();

/**
 * Probability of each destination code in a compiled route. PERF: memoised per route, since
 * the stability check asks for the same routes once a simulated day (111,112 days in
 * benchmark model A: most of `check`'s time was rebuilding these maps).
 */
export function routeProbs(r: Route): ReadonlyMap<number, number> {
  const hit = probsOf.get(r);
  if (hit) return hit;
  const m = new Map<number, number>();
  let prev = 0;
  r.dest.forEach((d, i) => {
    m.set(d, (m.get(d) ?? 0) + r.cum[i] - prev);
    prev = r.cum[i];
  });
  probsOf.set(r, m);
  return m;
}
