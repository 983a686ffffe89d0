/**
 * Time-dependent unit settings: capacity schedules (a weekly roster and dated changes
 * such as winter beds) and discharge windows, compiled against the scenario's calendar.
 *
 *   capacity: { base: 2150, changes: [{ from: 2027-11-01, to: 2028-03-31, capacity: 2250 }] }
 *   capacity: { base: 12, roster: [{ days: mon-fri, hours: 08:00-20:00, capacity: 30 }] }
 *
 * A roster shift overrides the (possibly changed) base while it lasts.
 */
import type { DischargeRule, Schedule } from '../engine/index.js';
import type { SNode } from './tree.js';
import { child, describeNode } from './tree.js';
import { readNumber } from './read.js';
import { parseDate, parseDays, parseClockRange, inRange, minuteOfWeekAbs } from './calendar.js';
import { DAY, HOUR } from '../engine/index.js';
import type { Ctx } from './context.js';
import { numberKey } from './compile-memo.js';

interface Shift {
  days: number[];
  hours: [number, number];
  cap: number;
}
interface Change {
  from: number;
  to: number;
  cap: number;
}

/**
 * How a schedule is written: a unit's capacity (whole places; shifts under `roster` set
 * `capacity`), or a staff group's roster (a level such as WTE on shift, any number >= 0;
 * shifts under `shifts` set `on`).
 */
export interface ScheduleWords {
  list: string;
  value: string;
  kind: 'whole' | 'number';
  /** The form of one shift, shown when the list of shifts is empty. */
  shift: string;
  /** What leaving the list out means, for the hint. */
  without: string;
}
const CAPACITY: ScheduleWords = {
  list: 'roster',
  value: 'capacity',
  kind: 'whole',
  shift: '{ days: mon-fri, hours: 08:00-20:00, capacity: 30 }',
  without: 'leave `roster` out: the capacity is then `base` all week',
};
export const STAFF_ROSTER: ScheduleWords = {
  list: 'shifts',
  value: 'on',
  kind: 'number',
  shift: '{ days: mon-sun, hours: 08:00-20:00, on: 11 }',
  without: 'leave `roster` out: the staff then cover the whole day evenly',
};

export function readCapacity(
  ctx: Ctx,
  node: SNode,
  path: string,
  w: ScheduleWords = CAPACITY,
): { capacity: number; schedule?: Schedule } | null {
  if (w === CAPACITY && node.kind === 'scalar' && node.text.trim() === 'unlimited') return { capacity: Infinity };
  if (w !== CAPACITY && node.kind === 'seq') {
    // `roster: []` (or a list of shifts without its base): a staff roster is a map, not a list.
    ctx.diags.error(
      node.items.length === 0 ? 'empty-list' : 'wrong-type',
      node.loc,
      path,
      node.items.length === 0
        ? 'the roster is an empty list: it needs a base level and at least one shift'
        : 'the roster is a list: it is a base level and a list of shifts',
      { expected: `a roster such as \`{ base: 4, ${w.list}: [${w.shift}] }\``, hint: `write the shifts, or ${w.without}` },
    );
    return null;
  }
  if (node.kind !== 'map') {
    const n = level(ctx, node, path, w);
    return n === null ? null : { capacity: n };
  }
  let ok = true;
  for (const e of node.entries) {
    if (!['base', w.list, 'changes'].includes(e.key)) {
      ctx.diags.error('unknown-key', e.keyLoc, `${path}.${e.key}`, `unknown key \`${e.key}\``, {
        expected: `\`base\`, \`${w.list}\` or \`changes\``,
      });
      ok = false;
    }
  }
  const baseNode = child(node, 'base');
  if (!baseNode) {
    ctx.diags.error('missing-key', node.loc, `${path}.base`, '`base` is missing', {
      expected: 'the usual capacity',
      hint: 'add e.g. `base: 2150`',
    });
    return null;
  }
  const base = level(ctx, baseNode, `${path}.base`, w);
  const shiftsNode = child(node, w.list);
  if (shiftsNode?.kind === 'seq' && shiftsNode.items.length === 0) {
    // An empty list of shifts is a roster half written: say so rather than run without it.
    ctx.diags.error('empty-list', shiftsNode.loc, `${path}.${w.list}`, `\`${w.list}\` is an empty list: it needs at least one shift`, {
      expected: `a list of shifts such as \`[${w.shift}]\``,
      hint: `write the shifts, or ${w.without}`,
    });
    return null;
  }
  const shifts = list(ctx, shiftsNode, `${path}.${w.list}`, (it, p) => shift(ctx, it, p, w));
  const changes = list(ctx, child(node, 'changes'), `${path}.changes`, (it, p) => change(ctx, it, p, w));
  if (!ok || base === null || !shifts || !changes) return null;
  const end = ctx.warmup + ctx.horizon;
  // PERF: every strategy, sweep point and lever end compiles the same rosters again (the
  // default ICS: 24 compiles of three rosters over 485 days); one expansion serves them all,
  // each model getting arrays of its own.
  const done = ctx.memo.get(
    expansionKey(base, shifts, changes, ctx.t0, end),
    () => expand(ctx, base, shifts, changes, end),
    (e) => 2 * e.at.length,
  );
  return { capacity: done.most, schedule: { at: done.at.slice(), cap: done.cap.slice() } };
}

/** The schedule's breakpoints over the run, and its highest level. */
function expand(ctx: Ctx, base: number, shifts: Shift[], changes: Change[], end: number): { most: number; at: number[]; cap: number[] } {
  const at: number[] = [],
    cap: number[] = [];
  let most = base;
  const capAt = (t: number): number => {
    const abs = ctx.t0 + t;
    let c = base;
    for (const ch of changes) if (abs >= ch.from && abs < ch.to) c = ch.cap;
    const mw = minuteOfWeekAbs(abs);
    const day = Math.floor(mw / DAY),
      mod = mw % DAY;
    for (const s of shifts) {
      // A shift that wraps past midnight belongs to the day it starts on.
      const startDay = s.hours[0] > s.hours[1] && mod < s.hours[1] ? (day + 6) % 7 : day;
      if (s.days.includes(startDay) && inRange(mod, s.hours)) return s.cap;
    }
    return c;
  };
  const step = (t: number): void => {
    const c = capAt(t);
    if (cap.length === 0 || cap[cap.length - 1] !== c) {
      at.push(t);
      cap.push(c);
    }
    if (c > most) most = c; // not Math.max(...cap): an hourly roster over years overflows the call stack
  };
  // Capacity can only change at midnight (dated changes, the day of the week) and at the
  // minutes shifts start and end, so those are the times looked at (08:30 stays 08:30).
  const marks = [...new Set([0, ...shifts.flatMap((s) => [s.hours[0] % DAY, s.hours[1] % DAY])])].sort((a, b) => a - b);
  step(0);
  for (let day = Math.floor(ctx.t0 / DAY); day * DAY - ctx.t0 < end; day++) {
    for (const m of marks) {
      const t = day * DAY + m - ctx.t0;
      if (t > 0 && t < end) step(t);
    }
  }
  return { most, at, cap };
}

/** The expansion's inputs as text; numbers written exactly (String round-trips every double). */
function expansionKey(base: number, shifts: Shift[], changes: Change[], t0: number, end: number): string {
  const k = numberKey;
  const sh = shifts.map((s) => `${s.days.join(',')}/${k(s.hours[0])}-${k(s.hours[1])}/${k(s.cap)}`).join(';');
  const ch = changes.map((c) => `${k(c.from)}-${k(c.to)}/${k(c.cap)}`).join(';');
  return `schedule:${k(base)}|${k(t0)}|${k(end)}|${sh}|${ch}`;
}

function list<T>(ctx: Ctx, node: SNode | undefined, path: string, read: (n: SNode, p: string) => T | null): T[] | null {
  if (!node) return [];
  if (node.kind !== 'seq') {
    ctx.diags.error('wrong-type', node.loc, path, `found ${describeNode(node)}`, { expected: 'a list, e.g. `[{ ... }, { ... }]`' });
    return null;
  }
  const out: T[] = [];
  let ok = true;
  node.items.forEach((it, i) => {
    const v = read(it, `${path}[${i}]`);
    if (v === null) ok = false;
    else out.push(v);
  });
  return ok ? out : null;
}

function keysOf(ctx: Ctx, node: SNode, path: string, allowed: string[]): boolean {
  if (node.kind !== 'map') {
    ctx.diags.error('wrong-type', node.loc, path, `found ${describeNode(node)}`, {
      expected: `a map with ${allowed.map((a) => `\`${a}\``).join(', ')}`,
    });
    return false;
  }
  let ok = true;
  for (const e of node.entries) {
    if (!allowed.includes(e.key)) {
      ctx.diags.error('unknown-key', e.keyLoc, `${path}.${e.key}`, `unknown key \`${e.key}\``, {
        expected: allowed.map((a) => `\`${a}\``).join(', '),
      });
      ok = false;
    }
  }
  return ok;
}

/** A capacity (a whole number) or a roster level (a number of at least 0). */
function level(ctx: Ctx, node: SNode, path: string, w: ScheduleWords): number | null {
  const n = readNumber(ctx.env, node, path, w.kind);
  if (n !== null && n < 0) {
    ctx.diags.error('negative', node.loc, path, `${w.value === 'on' ? 'a roster level' : 'capacity'} is negative (${describeNode(node)})`, {
      expected: 'a number of at least 0 (e.g. the WTE on shift)',
    });
    return null;
  }
  return n;
}

function shift(ctx: Ctx, node: SNode, path: string, w: ScheduleWords): Shift | null {
  if (!keysOf(ctx, node, path, ['days', 'hours', w.value])) return null;
  const days = readDayList(ctx, child(node, 'days'), `${path}.days`);
  const hoursNode = child(node, 'hours');
  const hours = hoursNode ? readRange(ctx, hoursNode, `${path}.hours`) : ([0, 24 * 60] as [number, number]);
  const capNode = child(node, w.value);
  if (!capNode) {
    ctx.diags.error('missing-key', node.loc, `${path}.${w.value}`, `\`${w.value}\` is missing`, {
      expected: w === CAPACITY ? 'the capacity during the shift' : 'the level on shift (e.g. WTE on shift)',
    });
    return null;
  }
  const cap = level(ctx, capNode, `${path}.${w.value}`, w);
  return days && hours && cap !== null ? { days, hours, cap } : null;
}

function change(ctx: Ctx, node: SNode, path: string, w: ScheduleWords): Change | null {
  if (!keysOf(ctx, node, path, ['from', 'to', w.value])) return null;
  const from = readDateNode(ctx, child(node, 'from'), `${path}.from`, node);
  const toNode = child(node, 'to');
  const to = toNode ? readDateNode(ctx, toNode, `${path}.to`, node) : Infinity;
  const capNode = child(node, w.value);
  const cap = capNode ? level(ctx, capNode, `${path}.${w.value}`, w) : null;
  if (!capNode)
    ctx.diags.error('missing-key', node.loc, `${path}.${w.value}`, `\`${w.value}\` is missing`, {
      expected: w === CAPACITY ? 'the capacity from that date' : 'the level on shift from that date',
    });
  if (from === null || to === null || cap === null) return null;
  if (to < from) {
    ctx.diags.error('bad-date', toNode!.loc, `${path}.to`, 'the change ends before it starts, so it would never apply', {
      expected: 'a last day on or after `from`',
      hint: '`to` is the last day of the change, inclusive',
    });
    return null;
  }
  // `to` is the last day of the change, inclusive.
  return { from: from * DAY, to: to === Infinity ? Infinity : (to + 1) * DAY, cap };
}

export function readDateNode(ctx: Ctx, node: SNode | undefined, path: string, parent: SNode): number | null {
  if (!node) {
    ctx.diags.error('missing-key', parent.loc, path, 'a date is missing', { expected: 'a date YYYY-MM-DD' });
    return null;
  }
  const d = node.kind === 'scalar' ? parseDate(node.text) : null;
  if (d === null)
    ctx.diags.error('bad-date', node.loc, path, `found ${describeNode(node)}`, { expected: 'a date YYYY-MM-DD, e.g. `2027-11-01`' });
  return d;
}

function readRange(ctx: Ctx, node: SNode, path: string): [number, number] | null {
  const r = node.kind === 'scalar' ? parseClockRange(node.text) : null;
  if (!r)
    ctx.diags.error('bad-time', node.loc, path, `found ${describeNode(node)}`, { expected: 'hours as `HH:MM-HH:MM`, e.g. `08:00-20:00`' });
  else if (r[0] === r[1] || r[0] === DAY) {
    ctx.diags.error(
      'bad-time',
      node.loc,
      path,
      `\`${node.kind === 'scalar' ? node.text : ''}\` holds no time at all, so it would never apply`,
      { expected: 'a start before the end, or an end past midnight such as `20:00-08:00`', hint: 'for the whole day write `00:00-24:00`' },
    );
    return null;
  }
  return r;
}

function readDayList(ctx: Ctx, node: SNode | undefined, path: string): number[] | null {
  if (!node) return [0, 1, 2, 3, 4, 5, 6];
  const items = node.kind === 'seq' ? node.items : [node];
  const out = new Set<number>();
  for (const it of items) {
    const d = it.kind === 'scalar' ? parseDays(it.text) : null;
    if (!d) {
      ctx.diags.error('bad-day', it.loc, path, `found ${describeNode(it)}`, {
        expected: 'days such as `mon`, `mon-fri`, `weekend`, `all`',
      });
      return null;
    }
    d.forEach((x) => out.add(x));
  }
  return [...out];
}

export function readDischarge(ctx: Ctx, node: SNode, path: string): DischargeRule | null {
  if (node.kind !== 'map') {
    ctx.diags.error('wrong-type', node.loc, path, `found ${describeNode(node)}`, {
      expected: 'a map, e.g. `{ hours: 08:00-20:00, weekend: 60% }`',
    });
    return null;
  }
  const hoursNode = child(node, 'hours');
  const ranges: [number, number][] = [];
  if (hoursNode) {
    for (const it of hoursNode.kind === 'seq' ? hoursNode.items : [hoursNode]) {
      const r = readRange(ctx, it, `${path}.hours`);
      if (!r) return null;
      if (r[0] % HOUR !== 0 || r[1] % HOUR !== 0) {
        // The window is kept per hour of the week (an hour is open when its start is inside), so say what it becomes.
        const up = (m: number) => {
          const h = Math.ceil(m / HOUR) % 24;
          return `${String(h === 0 && m > 0 ? 24 : h).padStart(2, '0')}:00`;
        };
        ctx.diags.warn(
          'coarse-time',
          it.loc,
          `${path}.hours`,
          `discharge windows are kept by the hour: \`${it.kind === 'scalar' ? it.text : ''}\` acts as \`${up(r[0])}-${up(r[1])}\``,
          { hint: 'write the window on whole hours to say what the model does' },
        );
      }
      ranges.push(r);
    }
  } else ranges.push([0, 24 * 60]);
  const days = readDayList(ctx, child(node, 'days'), `${path}.days`);
  const wk = child(node, 'weekend');
  const weekend = wk ? readNumber(ctx.env, wk, `${path}.weekend`, 'probability') : 1;
  if (!days || weekend === null) return null;
  const open: number[] = [];
  for (let h = 0; h < 168; h++) {
    const d = Math.floor(h / 24),
      m = (h % 24) * 60;
    open.push(days.includes(d) && ranges.some((r) => inRange(m, r)) ? 1 : 0);
  }
  if (!open.some((x) => x === 1)) {
    ctx.diags.error('no-discharge', node.loc, path, 'the window never opens', {
      expected: 'at least one hour a week in which patients can leave',
    });
    return null;
  }
  return { open, weekend };
}
