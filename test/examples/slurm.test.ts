/**
 * The shipped Slurm job scripts (examples/slurm/) on a real one-node Slurm cluster: an array
 * of 4 shards and a dependent merge give exactly the one-machine results, and a shard
 * cancelled mid-run resumes from its journal when it is submitted again.
 *
 * Needs Debian's slurm-wlm and munge, and root. Where they cannot be installed the tests are
 * skipped and say so; `.ci/run` installs them and sets CARESIM_SLURM=required, which turns a
 * missing Slurm into a failure instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { comparableFile, ensureBuilt, library, root, runCli, tempDir } from '../cli/cli-process.js';
import { slurmMissing, startSlurm, type SlurmCluster } from './slurm-cluster.js';

const missing = slurmMissing();
const required = process.env.CARESIM_SLURM === 'required';
if (missing && !required) console.warn(`\n*** SKIPPED: the Slurm cluster tests (test/examples/slurm.test.ts): ${missing} ***\n`);

const examples = join(root, 'examples', 'slurm');
const SHARDS = 4;
// ucr-small with a 1000-day horizon: a shard of 40 replications takes several seconds, long
// enough to be cancelled part-way, and the whole file stays within a minute or two.
const REPS = 160;
const PER_SHARD = REPS / SHARDS;

/** Complete replication lines in a journal (the first line is its header). */
function journalled(file: string): number {
  if (!existsSync(file)) return 0;
  const lines = readFileSync(file, 'utf8').split('\n');
  return Math.max(0, lines.length - 2); // the last piece is '' or a line still being written
}

function progressLines(log: string): { done: number; total: number; resumed: number }[] {
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('{"type":"progress"'))
    .map((l) => JSON.parse(l));
}

describe.skipIf(missing !== null && !required)('examples/slurm on a one-node Slurm cluster', () => {
  let slurm: SlurmCluster;
  let work: string;
  let single: string;

  beforeAll(async () => {
    if (missing) throw new Error(`CARESIM_SLURM=required but Slurm cannot run here: ${missing}`);
    ensureBuilt();
    work = tempDir();
    const bin = join(work, 'bin');
    mkdirSync(bin);
    symlinkSync(join(root, 'bin', 'caresim.js'), join(bin, 'caresim'));
    const text = readFileSync(library('ucr-small.yaml'), 'utf8');
    expect(text).toContain('horizon: 200 days');
    writeFileSync(join(work, 'scenario.yaml'), text.replace('horizon: 200 days', 'horizon: 1000 days'));
    slurm = await startSlurm(bin);
  }, 180_000);

  afterAll(async () => {
    await slurm?.stop();
  }, 120_000);

  it(`submit.sh SCENARIO --reps ${REPS} with SHARDS=${SHARDS}: the array tasks and the dependent merge give the one-machine results to the bit`, async () => {
    single = join(work, 'single.json');
    const one = runCli(['run', 'scenario.yaml', '--reps', String(REPS), '--workers', '2', '--out', single, '-q'], {}, work);
    expect(one.code, one.stderr).toBe(0);

    const said = slurm.sh(join(examples, 'submit.sh'), ['scenario.yaml', '--reps', String(REPS)], {
      cwd: work,
      env: { SHARDS: String(SHARDS) },
    });
    const m = /shards: job (\d+) .*merge: job (\d+)/.exec(said);
    expect(m, said).not.toBeNull();
    const [array, merge] = [m![1], m![2]];
    await slurm.waitForJobs([array, merge], 420_000);

    expect(slurm.jobs(array)).toEqual([0, 1, 2, 3].map((i) => ({ task: String(i), state: 'COMPLETED', exit: '0:0' })));
    expect(slurm.jobs(merge)).toEqual([{ task: '', state: 'COMPLETED', exit: '0:0' }]);
    // Each task took its index from SLURM_ARRAY_TASK_ID: shard i holds replications i, i+4, ...
    for (let i = 0; i < SHARDS; i++) {
      const shard = JSON.parse(readFileSync(join(work, 'results', `shard-${i}.json`), 'utf8'));
      expect(shard.shard).toEqual({ index: i, count: SHARDS });
      expect(shard.replications_raw.baseline.map((r: { replication: number }) => r.replication)).toEqual(
        Array.from({ length: PER_SHARD }, (_, k) => i + k * SHARDS),
      );
    }
    expect(comparableFile(join(work, 'results', 'results.json'))).toBe(comparableFile(single));
  }, 600_000);

  it('caresim-shards.sbatch cancelled mid-run (scancel) and submitted again with --array=1 resumes from its journal', async () => {
    expect(single, "needs the first test's shards").toBeDefined();
    const results = join(work, 'resumed');
    const env = { RESULTS: results };
    const submit = () =>
      slurm
        .sh(
          'sbatch',
          [
            '--parsable',
            '--array=1',
            `--export=ALL,SHARDS=${SHARDS}`,
            join(examples, 'caresim-shards.sbatch'),
            'scenario.yaml',
            '--reps',
            String(REPS),
          ],
          { cwd: work, env },
        )
        .trim()
        .split(';')[0];
    const journal = join(results, 'shard-1.json.journal.ndjson');

    const first = submit();
    const end = Date.now() + 300_000;
    while (journalled(journal) < 2) {
      if (Date.now() > end || existsSync(join(results, 'shard-1.json')))
        throw new Error('shard 1 never got under way, or ended before it could be cancelled');
      await sleep(50);
    }
    slurm.sh('scancel', [`${first}_1`]);
    await slurm.waitForJobs([first], 60_000);
    expect(slurm.jobs(first)).toMatchObject([{ task: '1', state: 'CANCELLED' }]);
    expect(existsSync(join(results, 'shard-1.json')), 'cancelled after the shard finished: make the shard longer').toBe(false);
    const kept = journalled(journal);
    expect(kept).toBeGreaterThanOrEqual(2);
    expect(kept).toBeLessThan(PER_SHARD);
    // scancel sends SIGTERM first: caresim stopped in order and said what it kept.
    expect(readFileSync(join(work, `caresim-shard-${first}_1.log`), 'utf8')).toContain(`interrupted; ${kept} finished replication(s) kept`);

    const again = submit();
    await slurm.waitForJobs([again], 300_000);
    expect(slurm.jobs(again)).toEqual([{ task: '1', state: 'COMPLETED', exit: '0:0' }]);
    // The rerun started from the journal: only PER_SHARD - kept replications ran again.
    const log = join(work, `caresim-shard-${again}_1.log`);
    const progress = progressLines(log);
    expect(progress[0]).toMatchObject({ done: kept, total: PER_SHARD, resumed: kept });
    expect(progress.at(-1)).toMatchObject({ done: PER_SHARD, total: PER_SHARD, resumed: kept });
    expect(readFileSync(log, 'utf8')).not.toContain('no journal');
    expect(existsSync(journal)).toBe(false);
    expect(comparableFile(join(results, 'shard-1.json'))).toBe(comparableFile(join(work, 'results', 'shard-1.json')));

    // The resumed shard with the other three from the first run: the same merged results.
    for (const i of [0, 2, 3]) copyFileSync(join(work, 'results', `shard-${i}.json`), join(results, `shard-${i}.json`));
    const merge = slurm
      .sh('sbatch', ['--parsable', `--export=ALL,SHARDS=${SHARDS}`, join(examples, 'caresim-merge.sbatch')], { cwd: work, env })
      .trim()
      .split(';')[0];
    await slurm.waitForJobs([merge], 120_000);
    expect(slurm.jobs(merge)).toEqual([{ task: '', state: 'COMPLETED', exit: '0:0' }]);
    expect(comparableFile(join(results, 'results.json'))).toBe(comparableFile(single));
  }, 600_000);
});

describe('examples/slurm scripts given too little', () => {
  const script = (name: string, args: string[], env: Record<string, string>) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SLURM_') && k !== 'SHARDS'));
    return spawnSync('bash', [join(examples, name), ...args], { cwd: tempDir(), env: { ...clean, ...env }, encoding: 'utf8' });
  };

  it('caresim-shards.sbatch SCENARIO without SHARDS, or outside an array task, stops with its usage before running caresim', () => {
    const noShards = script('caresim-shards.sbatch', ['scenario.yaml'], { SLURM_ARRAY_TASK_ID: '0' });
    expect(noShards.status).not.toBe(0);
    expect(noShards.stderr).toContain('SHARDS (the number of array tasks) is not set; usage: sbatch --array=0-<N-1>');
    const noTask = script('caresim-shards.sbatch', ['scenario.yaml'], { SHARDS: '4' });
    expect(noTask.status).not.toBe(0);
    expect(noTask.stderr).toContain('not an array task');
    const noScenario = script('caresim-shards.sbatch', [], { SHARDS: '4', SLURM_ARRAY_TASK_ID: '0' });
    expect(noScenario.status).not.toBe(0);
    expect(noScenario.stderr).toContain('usage: sbatch');
  });

  it('submit.sh without a scenario prints its usage and exits 2; caresim-merge.sbatch without SHARDS stops', () => {
    const submit = script('submit.sh', [], {});
    expect(submit.status).toBe(2);
    expect(submit.stderr).toContain('SCENARIO [caresim run options]');
    const merge = script('caresim-merge.sbatch', [], {});
    expect(merge.status).not.toBe(0);
    expect(merge.stderr).toContain('SHARDS (the number of shards) is not set');
  });
});
