/**
 * Key documentation from the key table: `caresim help scenario [key]` text and the
 * markdown key reference in the README.
 */
import { ROOT, type KeySpec, type Shape } from './keys.js';
import { closest, DIST_FUNCTIONS, MATH_FUNCTIONS } from './expressions.js';
import { TIME_UNITS } from './quantity.js';

export interface KeyDoc {
  path: string;
  spec: KeySpec;
}

/** Every key as a path such as `units.<unit>.capacity`, in table order. */
export function allKeys(): KeyDoc[] {
  const out: KeyDoc[] = [];
  const walk = (shape: Shape, prefix: string) => {
    if (shape.s === 'value') return;
    if (shape.s === 'named') {
      walk(shape.item, `${prefix}<${shape.what.replace(/ /g, '-')}>.`);
      return;
    }
    for (const [k, spec] of Object.entries(shape.keys)) {
      out.push({ path: prefix + k, spec });
      walk(spec.shape, `${prefix}${k}.`);
    }
  };
  walk(ROOT, '');
  return out;
}

function normalise(path: string): string {
  return path.replace(/<[^>]+>/g, '*');
}

/** Finds the docs of a key: an exact path (names of units etc. may be anything), or a key name. */
export function findKey(key: string): KeyDoc[] {
  const keys = allKeys();
  const want = key.split('.');
  const exact = keys.filter((k) => {
    const p = normalise(k.path).split('.');
    return p.length === want.length && p.every((s, i) => s === '*' || s === want[i]);
  });
  if (exact.length) return exact;
  // Without the names (`units.capacity`), or the end of a path (`discharge.weekend`).
  const bare = (k: KeyDoc) =>
    normalise(k.path)
      .split('.')
      .filter((s) => s !== '*')
      .join('.');
  const short = keys.filter((k) => bare(k) === key);
  if (short.length) return short;
  return keys.filter((k) => bare(k) === key || bare(k).endsWith('.' + key));
}

function block(d: KeyDoc): string {
  const lines = [`${d.path}${d.spec.required ? ' (required)' : ''}`, `  ${d.spec.doc}`];
  if (d.spec.default !== undefined) lines.push(`  default: ${d.spec.default}`);
  if (d.spec.example !== undefined) lines.push(`  example: ${d.path.split('.').pop()}: ${d.spec.example}`);
  if (d.spec.kinds) lines.push(`  only for kind: ${d.spec.kinds.join(', ')}`);
  return lines.join('\n');
}

const UNITS_TEXT = `Units of time: ${[...new Set(Object.keys(TIME_UNITS))].join(', ')}. Rates: \`320/day\`, \`2%/year\`. Percent: \`35%\`.`;
const FUNCS_TEXT = `Distributions: exponential(mean), lognormal(mean, sd), gamma(mean, sd), erlang(mean, k), weibull(shape, scale), uniform(min, max), triangular(min, mode, max), fixed(x), empirical([...]). Functions: ${MATH_FUNCTIONS.join(', ')}.`;

export function scenarioHelp(key?: string): string {
  if (!key) {
    const top = allKeys().filter((k) => !k.path.includes('.'));
    return [
      'caresim scenario files (YAML). Every value is an expression with units.',
      UNITS_TEXT,
      FUNCS_TEXT,
      'Per-patient values (los, service, next probabilities) may be maps keyed by cohort with `default`; `rest` is the remaining probability.',
      '',
      'Top-level keys:',
      ...top.map((k) => `  ${k.path.padEnd(18)} ${k.spec.doc}`),
      '',
      'More: `caresim help scenario units.capacity` (any key path; names such as `units.acute.capacity` work too).',
    ].join('\n');
  }
  const found = findKey(key);
  if (found.length) return found.map(block).join('\n\n');
  if (DIST_FUNCTIONS.includes(key) || MATH_FUNCTIONS.includes(key)) return FUNCS_TEXT;
  const c = closest(
    key,
    allKeys()
      .map((k) => normalise(k.path).replace(/\*\./g, ''))
      .concat(allKeys().map((k) => k.path.split('.').pop() ?? '')),
  );
  return `No scenario key \`${key}\`.${c ? ` Did you mean \`${c}\`?` : ''} Run \`caresim help scenario\` for the list.`;
}

/** The markdown key reference for the README. */
export function keyReference(): string {
  const rows = allKeys().map((k) => {
    const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
    const extra = [
      k.spec.required ? '**required**' : '',
      k.spec.default !== undefined ? `default: ${k.spec.default}` : '',
      k.spec.example !== undefined ? `e.g. \`${k.spec.example}\`` : '',
    ]
      .filter(Boolean)
      .join('; ');
    return `| \`${k.path}\` | ${cell(k.spec.doc)} | ${cell(extra)} |`;
  });
  return ['| key | meaning | default / example |', '|---|---|---|', ...rows].join('\n');
}
