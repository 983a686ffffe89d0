import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import seedrandom from 'seedrandom';
import { asciiWidth } from '../../cli/text-width.js';
import { root } from './cli-process.js';

type Width = (text: unknown, options?: object) => number;

/** Every copy of string-width in the tree (yargs, cliui and wrap-ansi each bring one), by folder. */
async function copies(): Promise<Map<string, Width>> {
  const found = new Map<string, Width>();
  const look = async (modules: string) => {
    const dir = join(modules, 'string-width');
    if (existsSync(join(dir, 'package.json'))) {
      const mod = (await import(pathToFileURL(join(dir, 'index.js')).href)) as { default: Width };
      found.set(dir.slice(root.length + 1), mod.default);
    }
  };
  const top = join(root, 'node_modules');
  await look(top);
  for (const name of readdirSync(top)) {
    const nested = join(top, name, 'node_modules');
    if (existsSync(nested)) await look(nested);
  }
  return found;
}

describe('asciiWidth', () => {
  it('gives what every copy of string-width gives text of printable ASCII', async () => {
    const widths = await copies();
    // The three the help layout loads, at least; a tree without them would test nothing.
    expect(widths.size).toBeGreaterThanOrEqual(3);
    const rng = seedrandom('ascii widths');
    const texts = ['', ' ', '~', String.fromCharCode(...Array.from({ length: 95 }, (_, i) => 32 + i))];
    for (let i = 0; i < 200; i++)
      texts.push(String.fromCharCode(...Array.from({ length: Math.floor(rng() * 40) }, () => 32 + Math.floor(rng() * 95))));
    for (const text of texts) {
      const mine = asciiWidth(text);
      expect(mine).toBe(text.length);
      for (const [where, width] of widths) expect({ where, text, width: width(text) }).toEqual({ where, text, width: mine });
    }
  });

  it('leaves every other text to string-width, whose answer is not its length', async () => {
    const [width] = (await copies()).values();
    const others = ['±', 'é', '中文', '👍', 'a\u0301', '\x1b[31mred\x1b[0m', 'tab\there', 'line\n', '\x7f', '\u200b'];
    for (const text of others) expect({ text, width: asciiWidth(text) }).toEqual({ text, width: undefined });
    // Why it must: columns are not characters outside printable ASCII.
    expect([width('中文'), width('\x1b[31mred\x1b[0m'), width('a\u0301')]).toEqual([4, 3, 1]);
    for (const value of [undefined, null, 3, ['a']]) expect(asciiWidth(value)).toBeUndefined();
  });
});
