import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const root = process.cwd();
const engineDir = join(root, 'engine');
/** Folders the engine must not reach: it runs in browsers and takes a compiled model only. */
const FORBIDDEN_FOLDERS = ['runner', 'cli', 'viz'];

/** Every import of a source text (static, re-export, type-only and dynamic) that breaks the engine's boundary. */
function violations(file: string, text: string): string[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  const bad: string[] = [];
  for (const { fileName: spec } of importedFiles) {
    if (spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0])) bad.push(`${file}: ${spec} (a Node module)`);
    if (!spec.startsWith('.')) continue;
    const folder = relative(root, resolve(dirname(join(root, file)), spec)).split(sep)[0];
    if (FORBIDDEN_FOLDERS.includes(folder)) bad.push(`${file}: ${spec} (${folder}/)`);
  }
  return bad;
}

function engineFiles(): string[] {
  return readdirSync(engineDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join('engine', f));
}

describe('violations(file, text) on engine/', () => {
  it('finds no import of node:*, a Node built-in, runner/, cli/ or viz/ in any engine file', () => {
    const files = engineFiles();
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap((f) => violations(f, readFileSync(join(root, f), 'utf8')))).toEqual([]);
  });

  it('flags every kind of forbidden import, static, type-only, re-exported or dynamic', () => {
    const text = [
      "import { readFileSync } from 'node:fs';",
      "import type { Worker } from 'worker_threads';",
      "export { runTasks } from '../runner/pool.js';",
      "const cli = await import('../cli/main.js');",
      "import '../viz/html.js';",
      "import { DAY } from './calendar.js';",
      "import seedrandom from 'seedrandom';",
    ].join('\n');
    expect(violations('engine/probe.ts', text)).toEqual([
      'engine/probe.ts: node:fs (a Node module)',
      'engine/probe.ts: worker_threads (a Node module)',
      'engine/probe.ts: ../runner/pool.js (runner/)',
      'engine/probe.ts: ../cli/main.js (cli/)',
      'engine/probe.ts: ../viz/html.js (viz/)',
    ]);
  });
});

describe('tsc -p engine/tsconfig.json', () => {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(engineDir, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  )!;

  it('has neither DOM nor Node types', () => {
    expect(config.options.types).toEqual([]);
    expect((config.options.lib ?? []).filter((l) => /dom|webworker/i.test(l))).toEqual([]);
    expect(config.fileNames.map((f) => relative(root, f).split(sep)[0])).toEqual(config.fileNames.map(() => 'engine'));
  });

  it('typechecks the engine alone without errors', () => {
    const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
    const errors = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file ? `${relative(root, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ` : '';
      return where + ts.flattenDiagnosticMessageText(d.messageText, ' ');
    });
    expect(errors).toEqual([]);
  });
});
