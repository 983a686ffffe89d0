/**
 * One `units.<name>` entry to an engine Unit. Each key compiles to one field; problems
 * are reported and compiling goes on, so a planner sees every mistake at once.
 */
import type { Dist, Route, Unit, UnitKind, UnitRole } from '../engine/index.js';
import type { SMap, SNode } from './tree.js';
import { child, entry } from './tree.js';
import { readNumber, readDist, readEnum, perCohort, word } from './read.js';
import { readRoute, routeProbs } from './routing.js';
import { readCapacity, readDischarge } from './schedule.js';
import { readStaffing } from './compile-staff.js';
import { closest } from './expressions.js';
import { destCode, type Ctx } from './context.js';
import { own } from '../engine/index.js';
import { readMoney } from './money.js';

const KINDS: UnitKind[] = ['beds', 'homecare', 'team', 'front'];
const ROLES: UnitRole[] = ['acute', 'ucr', 'ed', 'p1', 'p2', 'p3', 'virtual', 'other'];
const ROLE_BY_NAME: Record<string, UnitRole> = {
  acute: 'acute',
  ucr: 'ucr',
  ed: 'ed',
  p1: 'p1',
  p2: 'p2',
  p3: 'p3',
  virtual_ward: 'virtual',
  virtual: 'virtual',
};

export function roleFromName(name: string): UnitRole {
  return own(ROLE_BY_NAME, name) ?? 'other';
}

/** Index of a unit named in `full`, `overflow`; reports unknown names. */
export function unitRef(ctx: Ctx, node: SNode, path: string): number | null {
  const w = word(node);
  if (w && ctx.units.includes(w)) return ctx.units.indexOf(w);
  const c = w ? closest(w, ctx.units) : undefined;
  ctx.diags.error('unknown-unit', node.loc, path, `\`${node.kind === 'scalar' ? node.text : '?'}\` is not a unit`, {
    expected: `one of ${ctx.units.map((u) => `\`${u}\``).join(', ')}`,
    hint: c ? `did you mean \`${c}\`?` : undefined,
  });
  return null;
}

export function compileUnit(ctx: Ctx, name: string, node: SNode): Unit | null {
  const path = `units.${name}`;
  if (node.kind !== 'map') return null; // reported by the key check
  const env = ctx.env;
  let ok = true;
  const need = <T>(v: T | null): T => {
    if (v === null) ok = false;
    return v as T;
  };
  const get = (k: string) => child(node, k);

  const kindNode = get('kind');
  const kind = kindNode ? need(readEnum(env, kindNode, `${path}.kind`, KINDS)) : null;
  if (!kindNode) ok = false; // missing-key reported by the key check
  const roleNode = get('role');
  const role = roleNode ? need(readEnum(env, roleNode, `${path}.role`, ROLES)) : roleFromName(name);

  const capNode = get('capacity');
  const staffNode = get('staff');
  const staffing = staffNode ? need(readStaffing(ctx, staffNode, `${path}.staff`)) : null;
  if (staffNode && staffNode.kind === 'map' && !child(staffNode, 'group')) ok = false; // missing-key reported by the key check
  let capacity = Infinity;
  let schedule;
  if (capNode) {
    const c = need(readCapacity(ctx, capNode, `${path}.capacity`));
    if (c) {
      capacity = c.capacity;
      schedule = c.schedule;
    } else capacity = NaN; // unreadable, already reported: not "unlimited" to the checks below
  } else if (kind && kind !== 'front' && !staffNode) {
    ctx.diags.error('missing-key', node.loc, `${path}.capacity`, '`capacity` is missing', {
      expected: `the number of places of this ${kind} unit, a schedule, or \`unlimited\``,
      hint: 'add e.g. `capacity: 20`, or `staff:` to draw the places from a staff group',
    });
    ok = false;
  }

  const service = need(readService(ctx, node, path));
  const queue = need(readQueue(ctx, get('queue'), `${path}.queue`));
  const fullNode = get('full');
  const full = !fullNode || word(fullNode) === 'lost' ? -1 : need(unitRef(ctx, fullNode, `${path}.full`));
  const nextNode = get('next');
  const next = nextNode
    ? need(readRoute(ctx, nextNode, `${path}.next`))
    : ctx.cohorts.map(() => ({ dest: [destCode(ctx, 'home')], cum: [1] }));

  const handoff: Record<string, Dist> = {};
  const hNode = get('handoff');
  if (hNode && hNode.kind === 'map') {
    const reachable = new Set<number>();
    if (next) for (const r of next) for (const d of routeProbs(r).keys()) reachable.add(d);
    for (const e of hNode.entries) {
      const p = `${path}.handoff.${e.key}`;
      const isDest = ctx.units.includes(e.key) || ctx.exits.includes(e.key) || ctx.knownExits.has(e.key);
      const code = isDest ? destCode(ctx, e.key) : NaN;
      if (!isDest || (next && !reachable.has(code))) {
        ctx.diags.error('unknown-destination', e.keyLoc, p, `\`${e.key}\` is not a destination in \`next\``, {
          expected: "a destination listed in this unit's `next`",
          hint: next ? suggestDest(ctx, e.key, reachable) : undefined,
        });
        ok = false;
        continue;
      }
      const d = readDist(env, e.value, p);
      if (d) handoff[String(code)] = d;
      else ok = false;
    }
  }

  const ifFull = readIfFull(ctx, get('if_full'), next, path);
  if (ifFull === null) ok = false;

  const dNode = get('discharge');
  const discharge = dNode ? need(readDischarge(ctx, dNode, `${path}.discharge`)) : undefined;
  const tNode = get('target');
  const target = tNode ? need(readNumber(env, tNode, `${path}.target`, 'duration')) : 0;
  const pNode = get('patience');
  const patience = pNode ? need(readDist(env, pNode, `${path}.patience`)) : null;
  const oNode = get('overflow');
  const overflow = oNode ? need(unitRef(ctx, oNode, `${path}.overflow`)) : -1;
  const prNode = get('priority');
  const priority = prNode ? need(readEnum(env, prNode, `${path}.priority`, ['fifo', 'queue-first', 'blocked-first'] as const)) : 'fifo';
  const cost = money(ctx, get('cost'), `${path}.cost`, 'cost-rate');
  // A delayed place-day is charged at cost_delayed instead of cost (docs/decisions.md).
  const costDelayed = get('cost_delayed') ? money(ctx, get('cost_delayed'), `${path}.cost_delayed`, 'cost-rate') : cost;
  const costContact = money(ctx, get('cost_contact'), `${path}.cost_contact`, 'cost');
  if (cost === null || costDelayed === null || costContact === null) ok = false;
  const costPlace = need(readCostPlace(ctx, get('cost_place'), `${path}.cost_place`, capacity, schedule !== undefined));

  if (!ok || !kind) return null;
  const unit: Unit = {
    name,
    kind,
    role: role ?? 'other',
    capacity,
    service,
    queue,
    full,
    next,
    handoff,
    target,
    patience,
    overflow,
    priority,
    cost: cost ?? 0,
    costDelayed: costDelayed ?? 0,
    costContact: costContact ?? 0,
  };
  if (schedule) unit.schedule = schedule;
  if (staffing) unit.staffing = staffing;
  if (costPlace) unit.costPlace = costPlace;
  if (ifFull && Object.keys(ifFull).length > 0) unit.ifFull = ifFull;
  if (discharge) unit.discharge = discharge;
  return unit;
}

/** `if_full: { p2: ed }`: keys are destinations of `next`, values units or exits. */
function readIfFull(ctx: Ctx, node: SNode | undefined, next: Route[] | null, path: string): Record<string, number> | null {
  const out: Record<string, number> = {};
  if (!node || node.kind !== 'map') return out;
  const reachable = new Set<number>();
  if (next) for (const r of next) for (const d of routeProbs(r).keys()) reachable.add(d);
  let ok = true;
  for (const e of node.entries) {
    const p = `${path}.if_full.${e.key}`;
    const code = ctx.units.includes(e.key) ? ctx.units.indexOf(e.key) : NaN;
    if (!(code >= 0) || (next && !reachable.has(code))) {
      ctx.diags.error('unknown-destination', e.keyLoc, p, `\`${e.key}\` is not a unit in \`next\``, {
        expected: "a unit listed in this unit's `next`",
        hint: next ? suggestDest(ctx, e.key, reachable) : undefined,
      });
      ok = false;
      continue;
    }
    const w = word(e.value);
    const isDest = w !== undefined && (ctx.units.includes(w) || ctx.exits.includes(w) || ctx.knownExits.has(w));
    if (!isDest) {
      ctx.diags.error('unknown-destination', e.value.loc, p, `\`${w ?? '?'}\` is neither a unit nor an exit`, {
        expected: 'a unit or exit name',
        hint: w ? `did you mean \`${closest(w, [...ctx.units, ...ctx.exits]) ?? ctx.units[0]}\`?` : undefined,
      });
      ok = false;
      continue;
    }
    out[String(code)] = destCode(ctx, w);
  }
  return ok ? out : null;
}

function suggestDest(ctx: Ctx, key: string, reachable: Set<number>): string | undefined {
  const names = [...reachable].map((d) => (d >= 0 ? ctx.units[d] : ctx.exits[-d - 1]));
  const c = closest(key, names);
  return c ? `did you mean \`${c}\`?` : `add \`${key}\` to \`next\`, or remove the hand-off`;
}

function readService(ctx: Ctx, node: SMap, path: string): Dist[] | null {
  const los = entry(node, 'los'),
    svc = entry(node, 'service');
  if (los && svc) {
    ctx.diags.error('duplicate-meaning', svc.keyLoc, `${path}.service`, '`los` and `service` are both given', {
      expected: 'one of them (they mean the same)',
      hint: 'remove one',
    });
    return null;
  }
  const e = los ?? svc;
  if (!e) {
    ctx.diags.error('missing-key', node.loc, `${path}.los`, 'no length of stay or service time', {
      expected: '`los` (beds, homecare) or `service` (team, front): a duration or a distribution',
      hint: 'add e.g. `los: lognormal(6 days, 7 days)`',
    });
    return null;
  }
  return perCohort(ctx.env, e.value, `${path}.${e.key}`, ctx.cohorts, (v, p) => readDist(ctx.env, v, p));
}

function readQueue(ctx: Ctx, node: SNode | undefined, path: string): number | null {
  if (!node) return Infinity;
  const w = word(node);
  if (w === 'unlimited') return Infinity;
  if (w === 'none') return 0;
  return readNumber(ctx.env, node, path, 'whole');
}

function money(ctx: Ctx, node: SNode | undefined, path: string, kind: 'cost-rate' | 'cost'): number | null {
  if (!node) return 0;
  return readMoney(ctx.env, node, path, kind);
}

/** `cost_place` is paid per place over time, so it needs places: not on an unlimited unit. */
function readCostPlace(ctx: Ctx, node: SNode | undefined, path: string, capacity: number, scheduled: boolean): number | null {
  if (!node) return 0;
  const v = money(ctx, node, path, 'cost-rate');
  if (v !== null && v > 0 && !scheduled && capacity === Infinity) {
    ctx.diags.error('cost-place-unlimited', node.loc, path, 'a cost per funded place on a unit with unlimited capacity', {
      expected: 'a limited `capacity` (a count or a schedule) on this unit',
      hint: 'give the unit a capacity, or charge `cost` per occupied place-day instead',
    });
    return null;
  }
  return v;
}
