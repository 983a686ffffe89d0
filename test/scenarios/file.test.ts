import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkScenario, loadScenario } from '../../scenarios/index.js';

const mm1 = join(fileURLToPath(import.meta.url), '..', '..', '..', 'scenarios', 'library', 'mm1.yaml');

describe('loadScenario(file, { set })', () => {
  it('takes the overrides as a list of PATH=EXPR texts, and says so to a script that gives anything else', () => {
    expect(loadScenario(mm1, { set: ['replications=7'] }).replications).toBe(7);
    for (const set of ['replications=7', [7], { replications: 7 }]) {
      const message = `set: expected a list of PATH=EXPR texts (e.g. ['units.acute.capacity=2000']), got ${JSON.stringify(set)}`;
      expect(() => loadScenario(mm1, { set } as never)).toThrow(new TypeError(message));
      expect(() => checkScenario(mm1, { set } as never)).toThrow(message);
    }
  });
});
