import type { Model } from '../../engine/index.js';
import type { TraceEvent } from '../../engine/model.js';
import { WaitOrder } from './wait-order.js';

/**
 * Replays a trace and checks the rules every step must obey, whatever the model:
 *  - a place is only taken when one is free (under the capacity in force), a waiting place
 *    only when one is free;
 *  - no overtaking: a freed place goes to whoever has waited longest for it, counting the
 *    time spent blocked upstream as waiting (or as the unit's priority rule says; see
 *    wait-order.ts), and a patient who did not wait at all only takes a place nobody waits for;
 *  - work conservation at the end of every instant: nobody queues at a unit with a free place,
 *    nobody stays blocked for a unit with a free place or a free waiting place.
 * Returns the number of patients that entered, for comparison with the result.
 */
function check(ok: boolean, msg: string): void {
  if (!ok) throw new Error(msg);
}

export function replay(m: Model, events: TraceEvent[]): { entered: number; live: number } {
  const U = m.units.length,
    idx = new Map(m.units.map((u, i) => [u.name, i]));
  const cap = m.units.map((u) => (u.schedule ? u.schedule.cap[0] : u.capacity));
  const places = new Array<number>(U).fill(0);
  const queued = m.units.map(() => new Set<number>());
  const blocked = new Map<number, number>(); // patient -> unit waited for
  const live = new Set<number>();
  const order = new WaitOrder(m, idx);
  let entered = 0,
    now = -1;
  const endOfInstant = () => {
    for (let u = 0; u < U; u++) {
      if (queued[u].size > 0) check(places[u] >= cap[u], `queue at ${m.units[u].name} with a free place at t=${now}`);
    }
    for (const [p, d] of blocked) {
      const free = places[d] < cap[d] || queued[d].size < m.units[d].queue;
      check(!free, `patient ${p} blocked for ${m.units[d].name} that has room at t=${now}`);
    }
  };
  for (const e of events) {
    if (e.time !== now) {
      if (now >= 0) endOfInstant();
      check(e.time > now, `time went back to ${e.time}`);
      now = e.time;
    }
    const u = idx.get(e.unit) ?? -1,
      p = e.patient;
    check(order.step(e), `patient ${p} overtook someone who had waited longer for ${e.unit} at t=${now}`);
    switch (e.what) {
      case 'arrive':
        if (!live.has(p)) {
          live.add(p);
          entered++;
        }
        break;
      case 'queue':
        queued[u].add(p);
        check(queued[u].size <= m.units[u].queue, `queue of ${e.unit} over its limit at t=${now}`);
        break;
      case 'admit': {
        queued[u].delete(p);
        blocked.delete(p);
        places[u]++;
        check(places[u] <= cap[u], `${e.unit} over capacity at t=${now}`);
        break;
      }
      case 'depart':
        places[u]--;
        check(places[u] >= 0, `${e.unit} below zero at t=${now}`);
        break;
      case 'blocked':
        blocked.set(p, idx.get(String(e.detail))!);
        break;
      case 'renege':
        check(queued[u].delete(p), `patient ${p} reneged from ${e.unit} without queueing`);
        break;
      case 'capacity':
        cap[u] = Number(e.detail);
        break;
      case 'exit':
      case 'lost':
        live.delete(p);
        break;
    }
    // A blocked patient that moved into a queue leaves the blocked list at its 'queue' step.
    if (e.what === 'queue') blocked.delete(p);
  }
  endOfInstant();
  return { entered, live: live.size };
}
