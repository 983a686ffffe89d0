/**
 * Writes the synthetic extracts of the worked example (README, "From extracts to a baseline"):
 * stays.csv (acute and rehab stays, two years) and counts.csv (daily ED attendances and UCR
 * referrals), drawn with known distributions (fit/synthetic.ts, TRUTH) from a fixed seed. Never
 * real patients. Usage: node dist/generate-extracts.js [DIR] (default examples/data).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateStays, generateCounts } from '../fit/index.js';

export const EXAMPLE = { seed: 2027, start: '2025-01-01', days: 730, rate: 4 };
export const EXAMPLE_STREAMS: [string, number][] = [
  ['ed', 120],
  ['ucr', 25],
];

export function exampleStays(): string {
  const lines: string[] = [];
  generateStays(EXAMPLE, (l) => lines.push(l));
  return `${lines.join('\n')}\n`;
}

export function exampleCounts(): string {
  const lines: string[] = [];
  generateCounts({ ...EXAMPLE, streams: EXAMPLE_STREAMS }, (l) => lines.push(l));
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && /generate-extracts\.(js|ts)$/.test(process.argv[1])) {
  const dir = process.argv[2] ?? join('examples', 'data');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'stays.csv'), exampleStays());
  writeFileSync(join(dir, 'counts.csv'), exampleCounts());
  process.stdout.write(`wrote ${join(dir, 'stays.csv')} and ${join(dir, 'counts.csv')}\n`);
}
