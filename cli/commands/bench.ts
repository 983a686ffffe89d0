/** `caresim bench`: the benchmark bundle in its own process (it times whole processes too). */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT, type Io } from '../io.js';
import { packageRoot } from '../paths.js';

export async function benchCommand(args: { args: string[] }, io: Io): Promise<number> {
  const bench = join(packageRoot(), 'dist', 'bench.js');
  if (!existsSync(bench)) {
    io.err('caresim: dist/bench.js is missing: run `npm run build` first\n');
    return EXIT.failed;
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bench, ...args.args], { stdio: 'inherit' });
    child.on('error', (e) => {
      io.err(`caresim: ${e.message}\n`);
      resolve(EXIT.failed);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? EXIT.interrupted : EXIT.failed)));
  });
}
