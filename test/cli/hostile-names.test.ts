/**
 * Names that are also members of Object.prototype, or that JavaScript treats specially,
 * written in every place a scenario takes a name or a value. Each either works exactly as
 * an ordinary name does, or is refused with exit 2 and file:line:col; never a crash or a
 * stack trace. One file per name holds the name in every place at once (diagnostics list
 * every problem), which keeps the number of processes small.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioText } from '../../scenarios/index.js';
import { ensureBuilt, root, runCli, tempDir } from './cli-process.js';

beforeAll(() => ensureBuilt());

const NAMES = ['toString', 'constructor', 'valueOf', 'hasOwnProperty', '__proto__', 'prototype'];
/** Keys the scenario reader refuses outright, since JavaScript objects give them meaning. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
const fixture = readFileSync(join(root, 'test', 'cli', 'fixtures', 'names.yaml'), 'utf8');
const dir = tempDir();

const noStack = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
const write = (file: string, text: string) => {
  const f = join(dir, file);
  writeFileSync(f, text);
  return f;
};
const replaceWord = (text: string, word: string, by: string) => text.replace(new RegExp(`\\b${word}\\b`, 'g'), by);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

/** Places where a duration, a rate or a number is expected, and what the name replaces there. */
const VALUE_PLACES = [
  { place: 'a duration (los)', from: 'los: exponential(3 days)', to: (n: string) => `los: ${n}` },
  { place: 'the horizon', from: 'horizon: 60 days', to: (n: string) => `horizon: ${n}` },
  { place: 'the warm-up', from: 'warmup: 10 days', to: (n: string) => `warmup: ${n}` },
  { place: 'a hand-off', from: 'rehab: exponential(1 day)', to: (n: string) => `rehab: ${n}` },
  { place: 'a rate', from: 'crisis: 0.3/year', to: (n: string) => `crisis: ${n}` },
];
const SET_PLACES = [
  { place: '--set of a duration', set: (n: string) => `units.ward.los.default=${n}` },
  { place: '--set of a param', set: (n: string) => `params.bedcount=${n}` },
];

describe('caresim check FILE with a prototype name as a value', () => {
  it.each(NAMES)('check with %s in every value place and --set exits 2 with each place located', (name) => {
    let text = fixture;
    for (const p of VALUE_PLACES) text = text.replace(p.from, p.to(name));
    const file = write(`values-${name}.yaml`, text);
    const r = runCli(['check', file, ...SET_PLACES.flatMap((p) => ['--set', p.set(name)])]);
    expect(r.code).toBe(2);
    noStack(r.stderr);
    const unknown = (at: string) => new RegExp(`^${at}: error\\[unknown-name\\] unknown name \`${name}\``, 'm');
    for (const p of VALUE_PLACES) {
      const line = lineOf(text, p.to(name));
      const col = text.split('\n')[line - 1].indexOf(p.to(name)) + p.to(name).indexOf(name) + 1;
      expect(r.stderr, p.place).toMatch(unknown(`\\S+values-${name}\\.yaml:${line}:${col}`));
    }
    SET_PLACES.forEach((p, i) => expect(r.stderr, p.place).toMatch(unknown(`<--set ${i + 1}>:1:${p.set(name).indexOf('=') + 2}`)));
  });
});

/** Names a planner declares: the cohort, unit, param and strategy of the fixture, renamed everywhere they are used. */
const NAME_PLACES = [
  { place: 'cohort', word: 'frail', declared: (n: string) => `${n}: { people: 3000` },
  { place: 'unit', word: 'rehab', declared: (n: string) => `${n}: { kind: beds, capacity: 8` },
  { place: 'param', word: 'bedcount', declared: (n: string) => `${n}: 10` },
  { place: 'strategy', word: 'extra', declared: (n: string) => `${n}:\n` },
];
const renamed = (name: string) => NAME_PLACES.reduce((t, p) => replaceWord(t, p.word, name === p.word ? p.word : `${name}`), fixture);

describe('caresim run FILE with a prototype name as a declared name', () => {
  for (const name of NAMES.filter((n) => RESERVED.has(n))) {
    it(`run with ${name} as cohort, unit, param and strategy name exits 2 at each declaration`, () => {
      const text = renamed(name);
      const r = runCli(['run', write(`names-${name}.yaml`, text), '--out', join(dir, `names-${name}.json`), '--workers', '1', '-q']);
      expect(r.code).toBe(2);
      noStack(r.stderr);
      for (const p of NAME_PLACES) {
        const line = text.indexOf(p.declared(name)) < 0 ? -1 : text.slice(0, text.indexOf(p.declared(name))).split('\n').length;
        expect(r.stderr, p.place).toMatch(
          new RegExp(`^\\S+\\.yaml:${line}:\\d+: error\\[forbidden-key\\] the key \`${name}\` is not allowed`, 'm'),
        );
      }
    });
  }

  for (const name of NAMES.filter((n) => !RESERVED.has(n))) {
    it(`run with ${name} as cohort, unit, param and strategy name runs the model the ordinary names give`, () => {
      // The compiled models are the same as with the ordinary names, name for name.
      const reference = loadScenarioText(fixture, 'names.yaml');
      const hostile = loadScenarioText(renamed(name), 'names.yaml');
      const back = (s: string) => s.split(`"${name}"`).join('"NAME"');
      const norm = (s: string) => NAME_PLACES.reduce((t, p) => t.split(`"${p.word}"`).join('"NAME"').split(`${p.word}`).join('NAME'), s);
      expect(hostile.strategies.map((s) => s.name)).toEqual(['baseline', name]);
      expect(
        back(JSON.stringify(hostile.strategies.map((s) => s.model)))
          .split(name)
          .join('NAME'),
      ).toBe(norm(JSON.stringify(reference.strategies.map((s) => s.model))));
      // And it runs in worker threads (the models are structured-cloned) to a results file.
      const out = join(dir, `names-${name}.json`);
      const r = runCli(['run', write(`names-${name}.yaml`, renamed(name)), '--out', out, '--workers', '1', '-q']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const res = JSON.parse(readFileSync(out, 'utf8'));
      expect(Object.keys(res.strategies)).toEqual(['baseline', name]);
      expect(Object.keys(res.strategies.baseline.units)).toEqual(['ward', name]);
      expect(Object.keys(res.strategies.baseline.population)).toEqual(['well', name]);
      expect(res.strategies[name].set).toEqual({ [`params.${name}`]: `${name} + 2` });
      expect(res.strategies.baseline.units[name].capacity_mean.mean).toBe(8);
      expect(res.strategies[name].units.ward.capacity_mean.mean).toBe(12);
    });
  }

  it.each(NAMES)('check with %s as an unknown key of a unit exits 2 at the key', (name) => {
    const text = fixture.replace('next: home }', `next: home, ${name}: 3 }`);
    const r = runCli(['check', write(`key-${name}.yaml`, text)]);
    expect(r.code).toBe(2);
    noStack(r.stderr);
    const line = lineOf(text, `${name}: 3`);
    expect(r.stderr).toMatch(
      new RegExp(`^\\S+\\.yaml:${line}:${text.split('\n')[line - 1].indexOf(`${name}: 3`) + 1}: error\\[(unknown|forbidden)-key\\]`, 'm'),
    );
  });
});
