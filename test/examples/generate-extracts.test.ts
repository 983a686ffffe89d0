import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exampleStays, exampleCounts } from '../../examples/generate-extracts.js';
import { checkScenario } from '../../scenarios/index.js';
import { root } from '../cli/cli-process.js';

describe('examples/generate-extracts', () => {
  it('exampleStays() and exampleCounts() reproduce the shipped extracts byte for byte (seeded, synthetic)', () => {
    expect(exampleStays()).toBe(readFileSync(join(root, 'examples', 'data', 'stays.csv'), 'utf8'));
    expect(exampleCounts()).toBe(readFileSync(join(root, 'examples', 'data', 'counts.csv'), 'utf8'));
  });

  it('checkScenario(examples/fitted-ics.yaml), which extends the fitted fragment, has no errors', () => {
    expect(checkScenario(join(root, 'examples', 'fitted-ics.yaml')).filter((d) => d.severity === 'error')).toEqual([]);
  });
});
