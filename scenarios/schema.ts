/**
 * JSON Schema (draft 2020-12) of the scenario format, generated from the key table so
 * editors validate and complete exactly the keys the checker accepts. Expressions are
 * strings or numbers to a schema; their units are checked by `caresim check`.
 */
import { ROOT, type KeySpec, type Shape, type ValueKind } from './keys.js';

type Json = Record<string, unknown>;

const expr: Json = { type: ['string', 'number'] };
const name: Json = { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' };
const cohortMap = (item: Json): Json => ({ anyOf: [item, { type: 'object', additionalProperties: item }] });

/**
 * A map of path to a range `{ from, to, step }`: the decision variables of `optimise.decide`
 * and the viewer's `levers` take the same ranges; `extra` holds the keys one has besides
 * (a lever's `label`).
 */
function rangeMap(extra: Json): Json {
  return {
    type: 'object',
    additionalProperties: {
      type: 'object',
      additionalProperties: false,
      required: ['from', 'to', 'step'],
      properties: { from: expr, to: expr, step: expr, ...extra },
    },
  };
}

function valueSchema(kind: ValueKind): Json {
  switch (kind) {
    case 'version':
      return { const: 1 };
    case 'text':
    case 'file':
      return { type: 'string' };
    case 'count-or-auto':
      return { anyOf: [expr, { const: 'auto' }] };
    case 'date':
      return { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
    case 'boolean':
      return { type: 'boolean' };
    case 'kind':
      return { enum: ['beds', 'homecare', 'team', 'front'] };
    case 'role':
      return { enum: ['acute', 'ucr', 'ed', 'p1', 'p2', 'p3', 'virtual', 'other'] };
    case 'priority':
      return { enum: ['fifo', 'queue-first', 'blocked-first'] };
    case 'queue':
      return { anyOf: [{ enum: ['unlimited', 'none'] }, expr] };
    case 'full':
      return { anyOf: [{ const: 'lost' }, name] };
    case 'unit-name':
      return name;
    case 'capacity':
      return {
        anyOf: [
          { const: 'unlimited' },
          expr,
          {
            type: 'object',
            additionalProperties: false,
            properties: {
              base: expr,
              roster: {
                type: 'array',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['capacity'],
                  properties: {
                    days: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
                    hours: { type: 'string' },
                    capacity: expr,
                  },
                },
              },
              changes: {
                type: 'array',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['from', 'capacity'],
                  properties: {
                    from: valueSchema('date'),
                    to: valueSchema('date'),
                    capacity: expr,
                  },
                },
              },
            },
            required: ['base'],
          },
        ],
      };
    case 'roster': {
      const shift = (required: string[], props: Json): Json => ({
        type: 'object',
        additionalProperties: false,
        required,
        properties: props,
      });
      return {
        anyOf: [
          expr,
          {
            type: 'object',
            additionalProperties: false,
            properties: {
              base: expr,
              shifts: {
                type: 'array',
                items: shift(['on'], {
                  days: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
                  hours: { type: 'string' },
                  on: expr,
                }),
              },
              changes: { type: 'array', items: shift(['from', 'on'], { from: valueSchema('date'), to: valueSchema('date'), on: expr }) },
            },
            required: ['base'],
          },
        ],
      };
    }
    case 'route': {
      const dest = { type: 'object', additionalProperties: cohortMap(expr) };
      return { anyOf: [name, dest, { type: 'object', additionalProperties: { anyOf: [name, dest] } }] };
    }
    case 'profile':
      return {
        anyOf: [
          { enum: ['flat', 'weekday', 'office-hours'] },
          {
            type: 'object',
            additionalProperties: false,
            properties: {
              weekday: { type: 'array', minItems: 7, maxItems: 7, items: expr },
              hour: { type: 'array', minItems: 24, maxItems: 24, items: expr },
            },
          },
        ],
      };
    case 'window':
      return { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };
    case 'time-list':
    case 'text-list':
    case 'name-list':
      return { type: 'array', items: { type: 'string' } };
    case 'day-list':
      return { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };
    case 'cohort-mix':
      return { anyOf: [name, { type: 'object', additionalProperties: expr }] };
    case 'set-map':
      return { type: 'object', additionalProperties: { anyOf: [expr, { type: 'object' }, { type: 'array' }] } };
    case 'sweep-map':
      return { type: 'object', additionalProperties: { type: 'array', minItems: 1, items: expr } };
    case 'decide-map':
      return rangeMap({});
    case 'lever-map':
      return rangeMap({ label: { type: 'string' } });
    default:
      return expr;
  }
}

function shapeSchema(shape: Shape): Json {
  if (shape.s === 'value') {
    const v = valueSchema(shape.kind);
    return shape.perCohort ? cohortMap(v) : v;
  }
  if (shape.s === 'named') {
    return { type: 'object', propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }, additionalProperties: shapeSchema(shape.item) };
  }
  return mapSchema(shape.keys);
}

function mapSchema(keys: Record<string, KeySpec>): Json {
  const properties: Record<string, Json> = {};
  for (const [k, spec] of Object.entries(keys)) {
    const s: Json = { ...shapeSchema(spec.shape), description: spec.doc };
    if (spec.default !== undefined) s.markdownDescription = `${spec.doc}\n\nDefault: ${spec.default}`;
    if (spec.example !== undefined) s.examples = [spec.example];
    properties[k] = s;
  }
  const required = Object.entries(keys)
    .filter(([, s]) => s.required)
    .map(([k]) => k);
  const out: Json = { type: 'object', additionalProperties: false, properties };
  if (required.length) out.required = required;
  return out;
}

export function buildSchema(): object {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://caresim.dev/schema/scenario-1.json',
    title: 'caresim scenario',
    description:
      'A caresim scenario: population, arrivals, units and strategies of an integrated care system. Values are expressions with units (`9.1 days`, `320/day`, `35%`).',
    ...shapeSchema(ROOT),
  };
}
