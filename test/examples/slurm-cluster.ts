/**
 * A throw-away one-node Slurm cluster on localhost for the job-script tests: its own munged
 * (generated key, own socket), slurmctld and slurmd on free ports, every state, spool and
 * log file in one temporary folder. Nothing outside that folder is read or changed, so two
 * test runs on one machine, or a real Slurm installation, do not see each other.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const DAEMONS = ['munged', 'slurmctld', 'slurmd'];
const CLIENTS = ['sbatch', 'squeue', 'scontrol', 'scancel', 'sinfo'];
// Debian puts the daemons in /usr/sbin, which is not on every user's PATH.
const SEARCH = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin'].filter(Boolean);

function which(cmd: string): string | null {
  for (const dir of SEARCH) if (existsSync(join(dir, cmd))) return join(dir, cmd);
  return null;
}

/** Why this machine cannot start the cluster (null when it can). */
export function slurmMissing(): string | null {
  const missing = [...DAEMONS, 'munge', ...CLIENTS].filter((c) => which(c) === null);
  if (missing.length > 0) return `not installed: ${missing.join(', ')} (Debian: apt-get install slurm-wlm munge)`;
  if (process.getuid?.() !== 0) return 'slurmd must run as root to start jobs';
  return null;
}

/** A port nobody listens on now (the kernel's choice), for the daemons to bind. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** The node's CPUs as slurmd itself counts them: a larger count would drain the node. */
function nodeCpus(slurmd: string): number {
  const r = spawnSync(slurmd, ['-C'], { encoding: 'utf8' });
  const m = /\bCPUs=(\d+)/.exec(r.stdout ?? '');
  return m ? Number(m[1]) : availableParallelism();
}

export interface Job {
  task: string;
  state: string;
  exit: string;
}

export interface SlurmCluster {
  dir: string;
  /** The environment for Slurm commands and jobs: this cluster's config, `bin` first on PATH. */
  env: NodeJS.ProcessEnv;
  /** Runs a command against this cluster; throws with its output when it fails. */
  sh(cmd: string, args: string[], opts?: { cwd?: string; env?: Record<string, string> }): string;
  /** Waits until none of the jobs is pending or running. */
  waitForJobs(ids: string[], timeoutMs: number): Promise<void>;
  /** The state and exit code of each task of a job (array tasks by index). */
  jobs(id: string): Job[];
  stop(): Promise<void>;
}

async function until(what: string, timeoutMs: number, test: () => boolean, logs: () => string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n${logs()}`);
    await sleep(200);
  }
}

/**
 * Starts the cluster. `bin` goes first on the jobs' PATH (where the test puts `caresim`);
 * the node binary running the tests is on it too.
 */
export async function startSlurm(bin: string): Promise<SlurmCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'caresim-slurm-'));
  chmodSync(dir, 0o755);
  for (const sub of ['munge', 'state', 'spool', 'log']) mkdirSync(join(dir, sub));
  const key = join(dir, 'munge', 'munge.key');
  writeFileSync(key, randomBytes(1024), { mode: 0o400 });
  const socket = join(dir, 'munge', 'munge.socket');
  const conf = join(dir, 'slurm.conf');
  const log = (name: string) => join(dir, 'log', name);
  const logs = () =>
    ['munged.log', 'slurmctld.log', 'slurmd.log', 'daemons.out']
      .filter((f) => existsSync(log(f)))
      .map((f) => `--- ${f}\n${readFileSync(log(f), 'utf8').split('\n').slice(-25).join('\n')}`)
      .join('\n');

  // Jobs inherit this environment (sbatch --export=ALL); Slurm variables of an outer job
  // (tests run inside a Slurm job) would confuse both Slurm and caresim's shard detection.
  const env: NodeJS.ProcessEnv = { NO_COLOR: '1' };
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith('SLURM_') && !k.startsWith('SBATCH_') && !k.startsWith('SQUEUE_') && k !== 'JOB_COMPLETION_INDEX') env[k] = v;
  }
  env.SLURM_CONF = conf;
  env.PATH = [bin, join(process.execPath, '..'), process.env.PATH ?? ''].join(delimiter);

  const children: ChildProcess[] = [];
  const out = openSync(log('daemons.out'), 'a');
  const daemon = (cmd: string, args: string[]) => {
    const child = spawn(which(cmd)!, args, { env, stdio: ['ignore', out, out] });
    children.push(child);
    return child;
  };
  // A test worker that dies without running afterAll must not leave daemons behind.
  const onExit = () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  };
  process.on('exit', onExit);

  const sh: SlurmCluster['sh'] = (cmd, args, opts = {}) => {
    const r = spawnSync(which(cmd) ?? cmd, args, { cwd: opts.cwd ?? dir, env: { ...env, ...opts.env }, encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0)
      throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr}${r.stdout}\n${r.error ?? ''}`);
    return r.stdout;
  };
  const active = (ids: string[]) => {
    const r = spawnSync(which('squeue')!, ['-h', '-o', '%i %T', '-j', ids.join(',')], { env, encoding: 'utf8' });
    // squeue refuses ids the controller has already forgotten: they are not active either.
    return r.status === 0 ? r.stdout.trim() : '';
  };

  const cluster: SlurmCluster = {
    dir,
    env,
    sh,
    async waitForJobs(ids, timeoutMs) {
      await until(`jobs ${ids.join(', ')}`, timeoutMs, () => active(ids) === '', logs);
    },
    jobs(id) {
      return sh('scontrol', ['-o', 'show', 'job', id])
        .trim()
        .split('\n')
        .map((line) => {
          const field = (k: string) => new RegExp(`\\b${k}=(\\S+)`).exec(line)?.[1] ?? '';
          return { task: field('ArrayTaskId'), state: field('JobState'), exit: field('ExitCode') };
        })
        .sort((a, b) => Number(a.task) - Number(b.task));
    },
    async stop() {
      const [munged, ctld, slurmd] = children;
      if (ctld && ctld.exitCode === null) {
        spawnSync(which('scancel')!, ['--partition', 'caresim'], { env });
        const end = Date.now() + 20_000;
        while (Date.now() < end && spawnSync(which('squeue')!, ['-h'], { env, encoding: 'utf8' }).stdout.trim() !== '') await sleep(200);
        spawnSync(which('scontrol')!, ['shutdown'], { env, timeout: 20_000 });
      }
      for (const c of [slurmd, ctld]) if (c) await stopChild(c);
      killStrays(conf);
      if (munged) await stopChild(munged);
      process.off('exit', onExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };

  try {
    daemon('munged', [
      '--foreground',
      '--force',
      `--socket=${socket}`,
      `--key-file=${key}`,
      `--log-file=${log('munged.log')}`,
      `--pid-file=${join(dir, 'munge', 'munged.pid')}`,
      `--seed-file=${join(dir, 'munge', 'munged.seed')}`,
    ]);
    await until('munged', 30_000, () => existsSync(socket), logs);
    const ctldPort = await freePort();
    let slurmdPort = await freePort();
    while (slurmdPort === ctldPort) slurmdPort = await freePort();
    writeFileSync(conf, slurmConf({ dir, socket, ctldPort, slurmdPort, cpus: nodeCpus(which('slurmd')!) }));
    daemon('slurmctld', ['-D', '-c', '-f', conf]);
    daemon('slurmd', ['-D', '-N', 'localhost', '-f', conf]);
    await until(
      'the node to be idle',
      60_000,
      () => {
        const r = spawnSync(which('sinfo')!, ['-h', '-o', '%T', '-n', 'localhost'], { env, encoding: 'utf8' });
        return r.status === 0 && r.stdout.trim() === 'idle';
      },
      logs,
    );
  } catch (err) {
    await cluster.stop();
    throw err;
  }
  return cluster;
}

interface ConfParts {
  dir: string;
  socket: string;
  ctldPort: number;
  slurmdPort: number;
  cpus: number;
}

/** The smallest working slurm.conf: no cgroups, no accounting database, root runs everything. */
function slurmConf(p: ConfParts): string {
  return `ClusterName=caresimtest
SlurmctldHost=localhost
SlurmctldPort=${p.ctldPort}
SlurmdPort=${p.slurmdPort}
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=${p.socket}
StateSaveLocation=${p.dir}/state
SlurmdSpoolDir=${p.dir}/spool
SlurmctldPidFile=${p.dir}/slurmctld.pid
SlurmdPidFile=${p.dir}/slurmd.pid
SlurmctldLogFile=${p.dir}/log/slurmctld.log
SlurmdLogFile=${p.dir}/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
KillWait=5
NodeName=localhost NodeAddr=127.0.0.1 CPUs=${p.cpus} State=UNKNOWN
PartitionName=caresim Nodes=localhost Default=YES MaxTime=INFINITE State=UP
`;
}

async function stopChild(c: ChildProcess): Promise<void> {
  if (c.exitCode !== null || c.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => c.once('exit', () => resolve()));
  c.kill('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), sleep(10_000).then(() => true)]);
  if (timedOut) {
    c.kill('SIGKILL');
    await exited;
  }
}

/**
 * Job steps outlive a stopped slurmd. They are found by this cluster's SLURM_CONF in their
 * environment (slurmstepd inherits slurmd's, jobs get the submitter's), so only this
 * cluster's processes are killed.
 */
function killStrays(conf: string): void {
  const mark = `SLURM_CONF=${conf}\0`;
  for (const pid of readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .map(Number)) {
    if (pid === process.pid) continue;
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'latin1').includes(mark)) process.kill(pid, 'SIGKILL');
    } catch {
      // The process ended meanwhile, or is not ours to read.
    }
  }
}
