import { describe, expect, it } from 'vitest';
import { mkdirSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { checkDistinctPaths } from '../../cli/output-paths.js';
import { tempDir } from '../temp-dir.js';

describe('checkDistinctPaths(inputs, outputs)', () => {
  it('lets checkDistinctPaths see two outputs through links as one file before either exists', () => {
    const dir = realpathSync(tempDir('identity'));
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    symlinkSync(join(dir, 'a', 'b'), join(dir, 'lb'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'd'));
    const clash = (x: string, y: string) => () =>
      checkDistinctPaths(
        [],
        [
          ['--out', x],
          ['--report', y],
        ],
      );
    expect(clash(`${dir}/lb/../r.json`, join(dir, 'a', 'r.json'))).toThrow(/--report .*a\/r\.json is the --out file/);
    expect(clash(join(dir, 'nowhere', 'r.json'), join(dir, 'd', 'r.json'))).toThrow(/--report .*d\/r\.json is the --out file/);
    expect(clash(join(dir, 'a', 'r.json'), join(dir, 'a', 'b', 'r.json'))).not.toThrow();
  });
});
