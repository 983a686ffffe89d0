import { describe, expect, it } from 'vitest';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { readResultsFile, writeResultsFile, ResultsFileError } from '../../runner/results-file.js';
import { readJsonLines } from '../../runner/json-lines.js';
import type { Results } from '../../results/index.js';
import { tempDir } from '../temp-dir.js';

// V8's longest string: JSON.stringify of a larger results file fails with "Invalid string length".
const LONGEST_STRING = 0x1fffffe8;

describe('writeResultsFile(file, results)', () => {
  it('writes a results file longer than the longest string, readable line by line', async () => {
    // One series shared by every strategy: JSON repeats it, memory holds it once.
    const series = Array.from({ length: 1_000_000 }, (_, i) => 1000 + i / 7);
    const strategies: Record<string, unknown> = {};
    const names = Array.from({ length: 13 }, (_, i) => `s${i}`);
    for (const n of names)
      strategies[n] = {
        kpis: { x: { mean: 1, sd: 0, ci95: [1, 1], n: 3 } },
        daily: { acute: { occupancy: { mean: series, p05: series, p95: series } } },
      };
    const results = { format: 'caresim-results/1', seed: 1, replications: 3, strategies } as unknown as Results;
    const file = join(tempDir('results-file'), 'huge.json');
    try {
      writeResultsFile(file, results);
      expect(statSync(file).size).toBeGreaterThan(LONGEST_STRING);
      const seen: string[] = [];
      const rest = (await readJsonLines(file, {
        take: (path, value) => {
          if (path.length !== 4 || path[2] !== 'daily') return false;
          const occ = (value as { occupancy: Record<string, number[]> }).occupancy;
          expect(occ.p95).toHaveLength(series.length);
          expect(occ.p95[999_999]).toBe(series[999_999]);
          seen.push(String(path[1]));
          return true;
        },
      })) as { seed: number; strategies: Record<string, { kpis: unknown }> };
      expect(seen).toEqual(names);
      expect(rest.seed).toBe(1);
      expect(rest.strategies.s12.kpis).toEqual({ x: { mean: 1, sd: 0, ci95: [1, 1], n: 3 } });
    } finally {
      rmSync(file, { force: true });
    }
  }, 600_000);
});

describe('readResultsFile(file)', () => {
  it('reads its own layout and a one-line file alike, as JSON.parse does', async () => {
    const dir = tempDir('results-file');
    const results = {
      format: 'caresim-results/1',
      seed: 'abc',
      strategies: { baseline: { kpis: { x: { mean: null, n: 2 } } } },
    } as unknown as Results;
    writeResultsFile(join(dir, 'lines.json'), results);
    writeFileSync(join(dir, 'one.json'), `${JSON.stringify(results)}\n`);
    expect(readFileSync(join(dir, 'lines.json'), 'utf8').split('\n').length).toBeGreaterThan(3);
    expect(JSON.parse(readFileSync(join(dir, 'lines.json'), 'utf8'))).toEqual(results);
    expect(await readResultsFile(join(dir, 'lines.json'))).toEqual(results);
    expect(await readResultsFile(join(dir, 'one.json'))).toEqual(results);
  });

  it('refuses what is not a results file with a ResultsFileError naming it', async () => {
    const dir = tempDir('results-file');
    const file = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const refusal = async (f: string) => {
      const e = await readResultsFile(f).then(
        () => null,
        (err: unknown) => err,
      );
      expect(e, f).toBeInstanceOf(ResultsFileError);
      return (e as Error).message;
    };
    expect(await refusal(join(dir, 'missing.json'))).toBe(`${join(dir, 'missing.json')}: no such file`);
    expect(await refusal(dir)).toBe(`${dir} is a folder, not a results file`);
    const other = file('other.json', '{"hello":1}\n');
    expect(await refusal(other)).toBe(
      `${other} is not a results file: it lacks "format": "caresim-results/1" and the strategies a run writes`,
    );
    for (const bad of [null, { hello: 1 }]) {
      expect(() => writeResultsFile(join(dir, 'w.json'), bad as never)).toThrow(
        `${join(dir, 'w.json')} not written: expected the results of a run (with "format": "caresim-results/1"), got ${JSON.stringify(bad)}`,
      );
    }
    const shard = file('shard.json', JSON.stringify({ format: 'caresim-results/1', strategies: {}, shard: '0/2' }));
    expect(await refusal(shard)).toBe(
      `${shard} is a shard file (one part of a run), not a whole run: merge the shards first (mergeShardFiles, or caresim merge)`,
    );
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(await refusal(fifo)).toBe(`${fifo} is not a regular file, not a results file`);
    const yaml = file('s.yaml', 'caresim: 1\nname: x\n');
    expect(await refusal(yaml)).toMatch(new RegExp(`^${yaml.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not a results file \\(not JSON: `));
  });
});
