/**
 * The shapes of the key table: what a key holds and the kind of value it takes, and the
 * helpers every section's table is written with (scenarios/keys.ts gathers the sections).
 */

/** What a scalar value means; the compiler evaluates and checks it. */
export type ValueKind =
  | 'version'
  | 'text'
  | 'count'
  | 'count-or-auto'
  | 'probability'
  | 'duration'
  | 'rate'
  | 'number'
  | 'cost-rate'
  | 'cost'
  | 'date'
  | 'expression'
  | 'distribution'
  | 'capacity'
  | 'roster'
  | 'queue'
  | 'full'
  | 'route'
  | 'unit-name'
  | 'kind'
  | 'role'
  | 'priority'
  | 'profile'
  | 'window'
  | 'time-list'
  | 'text-list'
  | 'day-list'
  | 'boolean'
  | 'cohort-mix'
  | 'set-map'
  | 'sweep-map'
  | 'file'
  | 'name-list'
  | 'decide-map'
  | 'lever-map';

export type Shape =
  | { s: 'map'; keys: Record<string, KeySpec> }
  | { s: 'named'; what: string; item: Shape }
  | { s: 'value'; kind: ValueKind; perCohort?: boolean };

export interface KeySpec {
  doc: string;
  shape: Shape;
  required?: boolean;
  default?: string;
  example?: string;
  /** Unit kinds the key applies to (unit keys only). */
  kinds?: string[];
}

export const v = (kind: ValueKind, perCohort = false): Shape => ({ s: 'value', kind, perCohort });

export const labelKey = (what: string, example: string): KeySpec => ({
  doc: `Plain label of the ${what}, shown to a board instead of its name in reports and charts (a short text).`,
  shape: v('text'),
  example,
});
