/** Runs the built CLI (dist/cli.js) as users do, in its own process. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { tempDir as makeTempDir } from '../temp-dir.js';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cli = join(root, 'dist', 'cli.js');
export const small = join(root, 'test', 'cli', 'fixtures', 'small.yaml');
export const library = (name: string) => join(root, 'scenarios', 'library', name);

/** `npm test` builds first; a bare `vitest run` may not have, so build once if needed. */
export function ensureBuilt(): void {
  if (existsSync(cli) && existsSync(join(root, 'dist', 'worker.js'))) return;
  const r = spawnSync(process.execPath, ['build.mjs'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI to its end; `timeout` (ms) kills a CLI that hangs (code null), with SIGKILL: a blocked read ignores SIGTERM. */
export function runCli(args: string[], env: Record<string, string> = {}, cwd = root, timeout?: number): CliResult {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout,
    killSignal: 'SIGKILL',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the CLI and sends SIGINT (or `signal`) once a progress line shows finished replications. */
export function interruptCli(args: string[], signal: NodeJS.Signals = 'SIGINT'): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '',
      stderr = '',
      sent = false;
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
      if (sent) return;
      for (const line of stderr.split('\n')) {
        if (!line.startsWith('{"type":"progress"')) continue;
        if (JSON.parse(line).done > 0) {
          sent = true;
          child.kill(signal);
          break;
        }
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

export const tempDir = () => makeTempDir('cli');

/** A results file without its machine-dependent `run` section, as text. */
export function comparableFile(file: string): string {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  delete r.run;
  return JSON.stringify(r);
}

export { erlangB } from '../validation/queueing.js';
