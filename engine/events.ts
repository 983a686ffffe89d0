/**
 * What an event is: a kind and an id (a patient, unit or source index) packed into the event
 * queue's int payload, and a priority. One place for the layout, so the id width, the most
 * patients at once and the model's size limits cannot drift apart.
 */

/** Bits of the payload that hold the id; the kind sits above them. */
export const ID_BITS = 24;
/** The largest id a payload holds (also the most patients, units or sources). */
export const ID_MASK = (1 << ID_BITS) - 1;

/** Event kinds. */
export const EV_ARRIVAL = 0, // a source's arrival: kept beside the heap (sources.ts), the kind number stays reserved
  EV_SERVICE_END = 1,
  EV_HANDOFF_END = 2,
  EV_DISCHARGE = 3,
  EV_RENEGE = 4,
  EV_CAPACITY = 5,
  EV_DAY = 6, // midnight: kept outside the heap (simulator.ts), the kind number stays reserved
  EV_WARMUP = 7,
  EV_ROSTER = 8;

/** Named priorities: at one instant, places are released before they are sought. */
export const P_RELEASE = 0,
  P_STAT = 1,
  P_ARRIVAL = 2,
  P_RENEGE = 3;

/** The payload of an event of `kind` about `id`. */
export function eventPayload(kind: number, id: number): number {
  return (kind << ID_BITS) | id;
}

/** The kind of an event from its payload. */
export function eventKind(payload: number): number {
  return payload >>> ID_BITS;
}
