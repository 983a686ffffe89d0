// caresim as a library: the README's "Use from code" block runs against the built package,
// imported as 'caresim' through package.json `exports` (a package can import itself by name),
// and its types reach a TypeScript script through the same `exports`.
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const scratch = join(root, 'test-artifacts', 'library');

/** The first ```lang block under the README.md heading `## heading` (or a later one, should that section hold none). */
function readmeBlock(heading: string, lang: string): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const at = readme.indexOf(`\n## ${heading}\n`);
  const m = new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``).exec(readme.slice(at));
  if (at < 0 || !m) throw new Error(`README.md has no \`\`\`${lang} block under "## ${heading}"`);
  return m[1];
}

beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'index.js'))) throw new Error('dist/index.js is missing: run `npm run build` first');
  mkdirSync(scratch, { recursive: true });
});

describe("import { loadScenario, run } from 'caresim'", () => {
  it('README "Use from code": the M/M/1 sweep prints each mean wait inside its CI and within two half-widths of rho / (1 - rho)', () => {
    const file = join(scratch, 'readme-example.mjs');
    writeFileSync(file, readmeBlock('Use from code', 'js'));
    const r = spawnSync(process.execPath, [file], { cwd: root, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    const re = /^rate ([\d.]+)\/day: mean wait ([\d.]+) days \(95% CI ([\d.]+) to ([\d.]+)\), theory ([\d.]+)$/;
    for (const line of lines) {
      const m = re.exec(line);
      expect(m, line).not.toBeNull();
      const [rate, mean, lo, hi, theory] = m!.slice(1).map(Number);
      expect(theory).toBeCloseTo(rate / (1 - rate), 3);
      expect(lo).toBeLessThan(mean);
      expect(hi).toBeGreaterThan(mean);
      // Common random numbers make the three errors move together, so each gets two half-widths.
      expect(Math.abs(mean - theory), line).toBeLessThanOrEqual(hi - lo + 0.001);
    }
  });

  it('types: a TypeScript script resolving caresim through exports gets typed results, and an unknown option fails to compile', () => {
    const file = join(scratch, 'typed.ts');
    writeFileSync(
      file,
      [
        "import { loadScenario, run, summarise, type Results, type Stat } from 'caresim';",
        "const results: Results = await run(loadScenario('scenarios/library/mm1.yaml'), { reps: 3 });",
        '// A unit metric is optional in the type: team metrics exist only for teams.',
        'const wait: Stat | undefined = results.strategies.baseline.units.server.wait_mean;',
        'const mean: number | null | undefined = wait?.mean;',
        '// @ts-expect-error: a misspelt metric does not compile',
        'void results.strategies.baseline.units.server.wait_maen;',
        'export { mean, summarise };',
        '// @ts-expect-error: no such option',
        "await run('x.yaml', { replications: 3 });",
        '',
      ].join('\n'),
    );
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const args = [
      tsc,
      '--noEmit',
      '--strict',
      '--skipLibCheck',
      '--target',
      'es2022',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--types',
      'node',
      file,
    ];
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('README "The engine API": a model built in code from the package runs, and its blocked acute beds are the delayed bed-days KPI', () => {
    const file = join(scratch, 'readme-engine.mjs');
    const report =
      'console.log(JSON.stringify([r.units.acute.blocked_mean, r.kpis.delayed_bed_days_per_day, r.units.acute.occupancy_mean]));';
    writeFileSync(file, `${readmeBlock('The engine API', 'ts')}\n${report}\n`);
    const r = spawnSync(process.execPath, [file], { cwd: root, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const [blocked, delayed, occupancy] = JSON.parse(r.stdout) as number[];
    expect(delayed).toBe(blocked);
    // Rehab is offered 4.5 x 0.4 x 20 = 36 bed-days a day for 40 beds: some acute beds wait, never all 60.
    expect(blocked).toBeGreaterThan(0);
    expect(blocked).toBeLessThan(occupancy);
    // Little's law for acute: 4.5 a day x 5 days of treatment is 22.5 beds, plus the beds held blocked.
    expect(Math.abs(occupancy - blocked - 22.5)).toBeLessThan(0.1 * 22.5);
  });

  it("loads the expression parser's part of mathjs, not all of it", () => {
    // Every file `import 'caresim'` evaluates: dist/index.js and the chunks it imports statically.
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s+"(\.\/[^"]+)"|^import\s+"(\.\/[^"]+)"/gm)) {
        visit(join(dirname(file), m[1] ?? m[2]));
      }
    };
    visit(join(root, 'dist', 'index.js'));
    expect(seen.size).toBeGreaterThan(1);
    // mathjs's module that builds every one of its functions (hundreds of typed functions: most of
    // a second of start-up) is bundled only where a lazily imported module drags it in.
    const full = [...seen].filter((f) => readFileSync(f, 'utf8').includes('mathjs/lib/esm/entry/pureFunctionsAny.generated.js'));
    expect(full).toEqual([]);
  });
});
