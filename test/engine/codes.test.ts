import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import * as codes from '../../engine/codes.js';

const root = process.cwd();
const GROUPS: Record<string, (keyof typeof codes)[]> = {
  'patient status': ['FREE', 'QUEUED', 'SERVING', 'DONE', 'BLOCKED'],
  'release rule': ['LONGEST_WAITING_FIRST', 'QUEUE_FIRST', 'BLOCKED_FIRST'],
  'source mode': ['POISSON', 'THINNED', 'TIMETABLE'],
  'distribution kind': ['FIXED', 'EXPONENTIAL', 'LOGNORMAL', 'GAMMA', 'ERLANG', 'WEIBULL', 'UNIFORM', 'TRIANGULAR', 'EMPIRICAL'],
};

describe('engine/codes', () => {
  it('gives each code of a group its own small whole number (a Uint8Array column holds it)', () => {
    for (const [group, names] of Object.entries(GROUPS)) {
      const values = names.map((n) => codes[n]);
      expect(new Set(values).size, group).toBe(names.length);
      for (const v of values) expect(Number.isInteger(v) && v >= 0 && v < 256, `${group} ${v}`).toBe(true);
    }
    expect(Object.keys(codes).sort()).toEqual(Object.values(GROUPS).flat().sort());
  });

  it('imports nothing, so the bundler writes every code in as a number', () => {
    const { importedFiles } = ts.preProcessFile(readFileSync(join(root, 'engine', 'codes.ts'), 'utf8'), true, true);
    expect(importedFiles).toEqual([]);
  });

  it('is written in as numbers in the worker bundle: no code is a variable there', () => {
    const bundle = join(root, 'dist', 'worker.js');
    expect(existsSync(bundle), 'dist/worker.js: run npm run build (npm test builds first)').toBe(true);
    const text = readFileSync(bundle, 'utf8');
    const declared = Object.values(GROUPS)
      .flat()
      .filter((name) => new RegExp(`\\b${name}\\d* = \\d`).test(text));
    expect(declared).toEqual([]);
  });
});
