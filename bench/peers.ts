/**
 * The reference implementations kept next to the repository (`../shared/peers/`): a plain
 * typed-JS engine and SimPy. Each is optional; a missing one yields a reason to print.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface Peers {
  dir: string | null;
  /** Python interpreter that can `import simpy`, or null. */
  python: string | null;
  skipped: string[];
}

export function findPeers(repoRoot: string): Peers {
  const dir = join(repoRoot, '..', 'shared', 'peers');
  const skipped: string[] = [];
  if (!existsSync(join(dir, 'des_ref.js'))) {
    skipped.push(`skipped: reference models (no ${join('..', 'shared', 'peers', 'des_ref.js')} next to the repository)`);
    return { dir: null, python: null, skipped };
  }
  let python: string | null = null;
  if (!existsSync(join(dir, 'simpy_models.py'))) skipped.push('skipped: SimPy (no simpy_models.py among the reference models)');
  else {
    // The first interpreter on PATH may lack SimPy while the system one has it (distribution package).
    for (const cand of ['python3', '/usr/bin/python3']) {
      const p = spawnSync(cand, ['-c', 'import simpy'], { encoding: 'utf8' });
      if (p.status === 0) {
        python = cand;
        break;
      }
    }
    if (!python) skipped.push('skipped: SimPy (no python3 that can import simpy; apt-get install python3-simpy3 or pip install simpy)');
  }
  return { dir, python, skipped };
}
