/**
 * Loops of units that can lock each other up. A patient whose next unit has no free place
 * and no free waiting place keeps its own place until one frees. If patients can go round a
 * loop of units that all have limited places and limited (or no) waiting places, then once
 * every place on the loop is held by a patient waiting for the next unit, and every waiting
 * place is taken, nobody can ever move again: the run goes on, but the loop is frozen and
 * the figures are nonsense. A loop through a unit with an unlimited queue or unlimited places
 * cannot freeze (that unit always takes one more), nor a move with an `if_full` alternative
 * (the patient goes elsewhere at once). A unit routing to itself never blocks (the next stay
 * starts in the same place), so only loops of two or more units are reported.
 */
import type { Model } from '../engine/index.js';
import type { Diagnostics, Loc } from './errors.js';
import { NOWHERE } from './errors.js';
import type { SNode } from './tree.js';
import { child, entry } from './tree.js';
import { routeProbs } from './routing.js';

/** A unit that can run out of both places and waiting places. */
function canFill(model: Model, u: number): boolean {
  const unit = model.units[u];
  if (!Number.isFinite(unit.queue)) return false;
  if (unit.staffing) return true; // its places are what its staff cover: finite whatever `capacity` says
  return unit.schedule ? unit.schedule.cap.some((c) => Number.isFinite(c)) : Number.isFinite(unit.capacity);
}

/**
 * Units a patient in u can be left waiting for while holding its place in u, each with the
 * destination it replaces when it is an `if_full` alternative (null for a direct move).
 */
function holds(model: Model, u: number): Map<number, number | null> {
  const unit = model.units[u],
    out = new Map<number, number | null>();
  for (const route of unit.next) {
    for (const [d, p] of routeProbs(route)) {
      if (p <= 0 || d < 0) continue;
      const alt = unit.ifFull?.[String(d)];
      const target = alt === undefined ? d : alt; // re-routed at once when d is full; waits for the alternative
      if (target >= 0 && target !== u && canFill(model, target) && out.get(target) !== null) out.set(target, alt === undefined ? null : d);
    }
  }
  return out;
}

/** One simple loop through `start` inside the given set of units (breadth-first), as unit indices. */
function loopThrough(start: number, inSet: Set<number>, edges: Map<number, number | null>[]): number[] {
  const prev = new Map<number, number>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const u = queue[i];
    for (const d of edges[u].keys()) {
      if (!inSet.has(d)) continue;
      if (d === start) {
        const path = [u];
        while (path[0] !== start) path.unshift(prev.get(path[0])!);
        return path;
      }
      if (!prev.has(d)) {
        prev.set(d, u);
        queue.push(d);
      }
    }
  }
  return [start];
}

/** Strongly connected components (Tarjan), each as a list of unit indices. */
function components(n: number, edges: Map<number, number | null>[]): number[][] {
  const index = new Array<number>(n).fill(-1),
    low = new Array<number>(n).fill(0),
    onStack = new Array<boolean>(n).fill(false);
  const stack: number[] = [],
    out: number[][] = [];
  let next = 0;
  const visit = (u: number): void => {
    index[u] = low[u] = next++;
    stack.push(u);
    onStack[u] = true;
    for (const d of edges[u].keys()) {
      if (index[d] < 0) {
        visit(d);
        low[u] = Math.min(low[u], low[d]);
      } else if (onStack[d]) low[u] = Math.min(low[u], index[d]);
    }
    if (low[u] === index[u]) {
      const comp: number[] = [];
      let w: number;
      do {
        w = stack.pop()!;
        onStack[w] = false;
        comp.push(w);
      } while (w !== u);
      out.push(comp);
    }
  };
  for (let u = 0; u < n; u++) if (index[u] < 0) visit(u);
  return out;
}

/**
 * Reports every loop of units that can lock each other up, once per loop (`reported` holds
 * the loops already reported, for the baseline), at the move that closes it: the destination
 * in the first unit's `next`.
 */
export function checkCycles(
  model: Model,
  diags: Diagnostics,
  units: SNode | undefined,
  label: string,
  reported: Set<string> = new Set(),
): boolean {
  const n = model.units.length;
  const edges = model.units.map((_, u) => (canFill(model, u) ? holds(model, u) : new Map<number, number | null>()));
  let ok = true;
  for (const comp of components(n, edges)) {
    if (comp.length < 2) continue;
    ok = false;
    const inSet = new Set(comp);
    const start = comp.reduce((a, b) => Math.min(a, b));
    const loop = loopThrough(start, inSet, edges);
    const names = loop.map((u) => model.units[u].name);
    const key = `cycle:${[...comp].sort((a, b) => a - b).join(',')}`;
    if (reported.has(key)) continue;
    reported.add(key);
    // An arrow through an if_full alternative says which full unit sends the patient there.
    const step = (i: number): string => {
      const via = edges[loop[i]].get(loop[(i + 1) % loop.length]);
      return via === null || via === undefined ? '' : ` (when \`${model.units[via].name}\` is full)`;
    };
    const chain = `\`${names[0]}\`` + names.map((_, i) => ` → \`${names[(i + 1) % names.length]}\`${step(i)}`).join('');
    const first = names[0],
      second = names[1 % names.length];
    const via = edges[loop[0]].get(loop[1 % loop.length]);
    const { loc, path } =
      via === null || via === undefined ? locate(units, first, second) : locateIfFull(units, first, model.units[via].name);
    const others = comp.length > loop.length ? ` (and ${comp.length - loop.length} more units linked to it)` : '';
    const leave =
      via === null || via === undefined
        ? `add \`if_full: { ${second}: <another unit or exit> }\` to \`${first}\``
        : `make \`${first}\`'s \`if_full\` alternative to \`${model.units[via].name}\` an exit or a unit off the loop`;
    diags.error(
      'blocking-loop',
      loc,
      path,
      `${chain} is a loop of units with limited places and no unlimited queue${others}${label}: ` +
        'once every place on it is held by a patient waiting for the next unit, nobody on the loop can move again',
      {
        expected:
          'every loop of moves to pass through a unit that can always take one more patient, or to leave the loop when the next unit is full',
        hint: `give one unit on the loop \`queue: unlimited\` (its patients then wait in its queue, not in their beds), or ${leave}`,
      },
    );
  }
  return ok;
}

/** The destination key in `units.<from>.next` (or in a cohort's route under it), else the `next` key, else the unit. */
function locate(units: SNode | undefined, from: string, to: string): { loc: Loc; path: string } {
  const unitEntry = units?.kind === 'map' ? entry(units, from) : undefined;
  const nextEntry = unitEntry?.value.kind === 'map' ? entry(unitEntry.value, 'next') : undefined;
  const nextNode = child(unitEntry?.value, 'next');
  const destEntry = nextNode?.kind === 'map' ? entry(nextNode, to) : undefined;
  if (destEntry) return { loc: destEntry.keyLoc, path: `units.${from}.next.${to}` };
  // A route per cohort: the first cohort whose route holds the destination.
  for (const e of nextNode?.kind === 'map' ? nextNode.entries : []) {
    const inner = e.value.kind === 'map' ? entry(e.value, to) : undefined;
    if (inner) return { loc: inner.keyLoc, path: `units.${from}.next.${e.key}.${to}` };
  }
  return { loc: nextEntry?.keyLoc ?? unitEntry?.keyLoc ?? NOWHERE, path: `units.${from}.next` };
}

/** The key `full` in `units.<from>.if_full`, else the unit's `next`. */
function locateIfFull(units: SNode | undefined, from: string, full: string): { loc: Loc; path: string } {
  const unitEntry = units?.kind === 'map' ? entry(units, from) : undefined;
  const ifFull = child(unitEntry?.value, 'if_full');
  const e = ifFull?.kind === 'map' ? entry(ifFull, full) : undefined;
  return e ? { loc: e.keyLoc, path: `units.${from}.if_full.${full}` } : locate(units, from, full);
}
