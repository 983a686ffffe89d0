// The design's import boundaries (ARCHITECTURE §4) as eslint.config.js enforces them: the
// engine is isomorphic and takes a compiled model, and the viewer does not load the runner.
// Only `no-restricted-imports` runs here, without type information, so the check takes
// seconds; `npm run lint` runs every rule over the tree.
import { describe, it, expect } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
});

/** The import specifiers the config refuses in `code` placed at `file`. */
async function refused(file: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: file });
  expect(r.messages.filter((m) => m.ruleId !== 'no-restricted-imports')).toEqual([]);
  return r.messages.map((m) => /'([^']+)' import is restricted/.exec(m.message)?.[1] ?? m.message);
}

const imports = (...specs: string[]) => specs.map((s, i) => `import * as m${i} from '${s}';\n`).join('');

describe('eslint.config.js no-restricted-imports', () => {
  it('engine/*.ts: refuses Node built-ins (bare and node:), runner/, cli/, viz/, scenarios/ and the package entry', async () => {
    const bad = [
      'fs',
      'node:fs',
      'node:worker_threads',
      'path',
      '../runner/index.js',
      '../runner',
      '../cli/main.js',
      '../viz/dashboard.js',
      '../scenarios/index.js',
      'caresim',
    ];
    expect(await refused('engine/simulator.ts', imports(...bad))).toEqual(bad);
  });

  it("engine/*.ts: allows the engine's own files and the isomorphic libraries", async () => {
    expect(await refused('engine/simulator.ts', imports('./model.js', './random.js', 'seedrandom'))).toEqual([]);
  });

  it('viz/*.ts: refuses runner/ but not engine/ or Node built-ins (the local server is Node)', async () => {
    expect(await refused('viz/dashboard.ts', imports('../runner/codec.js', '../engine/index.js', 'node:http'))).toEqual([
      '../runner/codec.js',
    ]);
  });

  it("scenarios/*.ts, cli/commands/*.ts, index.ts: refuse another folder's files but its index.js, naming the door", async () => {
    const [r] = await eslint.lintText(imports('../engine/own.js', '../engine/index.js', './model.js'), {
      filePath: 'scenarios/quantity.ts',
    });
    expect(r.messages.map((m) => m.message)).toEqual([
      "'../engine/own.js' import is restricted from being used by a pattern. other folders enter engine/ through its door, engine/index.ts: import '../engine/index.js' and export what you need there.",
    ]);
    const deep = ['../../runner/atomic.js', '../../viz/node.js', '../../fit/format.js'];
    expect(await refused('cli/commands/run.ts', imports(...deep, '../../runner/index.js', '../io.js'))).toEqual(deep);
    expect(await refused('index.ts', imports('./results/codec.js', './results/index.js'))).toEqual(['./results/codec.js']);
  });

  it('test/**/*.ts: may reach inside a folder (tests mirror the tree)', async () => {
    expect(await refused('test/scenarios/quantity.test.ts', imports('../../engine/own.js', '../../scenarios/quantity.js'))).toEqual([]);
  });

  it('runner/*.ts and cli/*.ts: may load Node and the engine', async () => {
    for (const file of ['runner/pool.ts', 'cli/main.ts']) {
      expect(await refused(file, imports('node:worker_threads', '../engine/index.js', '../runner/index.js'))).toEqual([]);
    }
  });
});
