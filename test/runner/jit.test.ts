import { describe, expect, it } from 'vitest';
import { availableParallelism } from 'node:os';
import { backgroundByDefault } from '../../runner/jit.js';

describe('backgroundByDefault(workers)', () => {
  it('lets workers compile on helper threads only when a core is left over for those threads', () => {
    const cores = availableParallelism();
    expect(backgroundByDefault(cores)).toBe(false);
    expect(backgroundByDefault(cores + 1)).toBe(false);
    expect(backgroundByDefault(cores - 1)).toBe(true);
    expect(backgroundByDefault(0)).toBe(true);
  });
});
