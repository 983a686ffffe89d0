/**
 * Patients moving along each edge of the pathway after warm-up: from a source (or a cohort's
 * crises) or a unit, to a unit, an exit, or one of the two ways of being lost (turned away
 * with no place and no waiting place; left a queue before being reached, with nowhere to
 * overflow to). One increment of a dense edge-indexed array per move keeps the hot path as it
 * was; the edges that never carried anyone are dropped when the replication is collected.
 *
 * Rows: source i -> i, unit u -> S + u. Columns: unit u -> u, exit e -> U + e, then
 * TURNED_AWAY and LEFT_WAITING. A move out of a patient's blocked wait for a place downstream
 * is also counted in `delayed`.
 *
 * With the patients inside each unit (holding a place or queueing) when measuring starts and
 * at the horizon, every unit balances exactly: in = out + inside at the end - inside at the start.
 */
import type { Model } from './model.js';
import type { FlowCount } from './replication-result.js';

export class FlowCounts {
  readonly U: number;
  /** Columns per row: units, exits and the two ways of being lost. */
  readonly width: number;
  readonly moved: Float64Array;
  readonly delayed: Float64Array;
  /** Patients inside each unit (places held plus queueing) when measuring started and at the horizon. */
  readonly insideStart: Float64Array;
  readonly insideEnd: Float64Array;
  /** Row of unit 0 (rows before it are sources). */
  readonly unitRow: number;
  readonly turnedAway: number;
  readonly leftWaiting: number;

  constructor(m: Model) {
    const U = (this.U = m.units.length),
      E = m.exits.length,
      S = m.sources.length;
    this.width = U + E + 2;
    this.turnedAway = U + E;
    this.leftWaiting = U + E + 1;
    this.unitRow = S;
    this.moved = new Float64Array((S + U) * this.width);
    this.delayed = new Float64Array((S + U) * this.width);
    this.insideStart = new Float64Array(U);
    this.insideEnd = new Float64Array(U);
  }

  /** Column of a destination code (a unit index, or -(exit index) - 1, as in a Route). */
  column(d: number): number {
    return d >= 0 ? d : this.U - d - 1;
  }

  /** A patient from source i went to destination d. */
  fromSource(i: number, d: number): void {
    this.moved[i * this.width + this.column(d)]++;
  }

  /** A patient left unit u for destination d (a unit or an exit). */
  fromUnit(u: number, d: number): void {
    this.moved[(this.unitRow + u) * this.width + this.column(d)]++;
  }

  /** A patient blocked in unit u for a place in d moved to d: a move that waited for room downstream. */
  delayedFromUnit(u: number, d: number): void {
    const k = (this.unitRow + u) * this.width + d;
    this.moved[k]++;
    this.delayed[k]++;
  }

  /** A patient was lost at unit u: turned away (column turnedAway) or left waiting (column leftWaiting). */
  lostAt(u: number, col: number): void {
    this.moved[(this.unitRow + u) * this.width + col]++;
  }
}

/** Names of the nodes (ARCHITECTURE / README results format): `cohort:`, `source:`, `unit:`, `exit:`, `lost:`. */
export const TURNED_AWAY_NODE = 'lost:turned_away';
export const LEFT_WAITING_NODE = 'lost:left_waiting';

/**
 * The edges that carried patients, in row order (sources, then units; columns in unit, exit,
 * lost order). Crises of one cohort from several population streams meet in one `cohort:` node.
 */
export function flowList(m: Model, f: FlowCounts): FlowCount[] {
  const rows = [
    ...m.sources.map((src) => (src.cohort >= 0 ? `cohort:${m.cohorts[src.cohort].name}` : `source:${src.name}`)),
    ...m.units.map((u) => `unit:${u.name}`),
  ];
  const cols = [...m.units.map((u) => `unit:${u.name}`), ...m.exits.map((e) => `exit:${e}`), TURNED_AWAY_NODE, LEFT_WAITING_NODE];
  const out = new Map<string, FlowCount>();
  for (let r = 0; r < rows.length; r++) {
    for (let c = 0; c < f.width; c++) {
      const k = r * f.width + c;
      if (f.moved[k] === 0) continue;
      const key = `${rows[r]}\u0000${cols[c]}`;
      const e = out.get(key);
      if (e) {
        e.moved += f.moved[k];
        e.delayed += f.delayed[k];
      } else out.set(key, { from: rows[r], to: cols[c], moved: f.moved[k], delayed: f.delayed[k] });
    }
  }
  return [...out.values()];
}

/** Patients inside each unit when measuring started and at the horizon. */
export function insideList(m: Model, f: FlowCounts): Record<string, { start: number; end: number }> {
  const out: Record<string, { start: number; end: number }> = {};
  m.units.forEach((u, i) => {
    out[u.name] = { start: f.insideStart[i], end: f.insideEnd[i] };
  });
  return out;
}
