import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { hostname } from 'node:os';
import { fixture } from './problem.js';
import { runOptimise } from '../../optimise/run-optimise.js';
import { OptimiseResumeError } from '../../optimise/journal.js';
import { acquireLock, LockError } from '../../runner/lock.js';
import { fileIdentity } from '../../runner/file-identity.js';
import { analyseScenario } from '../../scenarios/index.js';
import { tempDir } from '../temp-dir.js';

describe('runOptimise(scenario, { journal })', () => {
  it('never overwrites or deletes a file that is not its journal, and refuses a pipe at once', async () => {
    const { sc } = fixture('erlang-c.yaml');
    const dir = tempDir('optimise-journal');
    const notes = join(dir, 'notes.txt'),
      fifo = join(dir, 'pipe'),
      brace = join(dir, 'brace.txt'),
      run = join(dir, 'run.journal.ndjson'),
      link = join(dir, 'link.ndjson');
    writeFileSync(notes, 'my notes\n');
    writeFileSync(brace, '{');
    execFileSync('mkfifo', [fifo]);
    // A run's journal: its header line as the runner writes it.
    writeFileSync(
      run,
      '{"header":{"format":"caresim-journal/3","scenario_hash":"x","seed":1,"engine_version":"0","strategies":["baseline"],"shard":null}}\n',
    );
    symlinkSync(join(dir, 'missing', 'j.ndjson'), link);
    for (const resume of [false, true]) {
      for (const [journal, want] of [
        [notes, /notes\.txt exists and is not a caresim optimise journal: it is left as it is/],
        [brace, /brace\.txt exists and is not a caresim optimise journal/],
        [run, /run\.journal\.ndjson is the journal of a run \(caresim run\): it is left as it is/],
        [link, /link\.ndjson is a link to .*missing\/j\.ndjson: a journal is written in place/],
        [sc.file, /exists and is not a caresim optimise journal/],
        [fifo, /pipe is not a regular file \(a device, a pipe or a socket\): it is left as it is/],
      ] as const) {
        const run = runOptimise(sc, { budget: 40, workers: 0, journal, resume });
        await expect(run).rejects.toBeInstanceOf(OptimiseResumeError);
        await expect(run).rejects.toThrow(want);
      }
    }
    expect(readFileSync(notes, 'utf8')).toBe('my notes\n');
    expect(readFileSync(brace, 'utf8')).toBe('{');
    expect(existsSync(join(dir, 'missing'))).toBe(false);
    expect(readFileSync(sc.file, 'utf8')).toMatch(/optimise:/);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });
});

describe('runOptimise(scenario, { journal, keepJournal })', () => {
  it('deletes its journal when done, or leaves it for the caller to delete once its outputs are written', async () => {
    const { sc } = fixture('erlang-c.yaml');
    const dir = tempDir('optimise-journal');
    const gone = join(dir, 'gone.ndjson'),
      kept = join(dir, 'kept.ndjson');
    await runOptimise(sc, { budget: 40, workers: 0, journal: gone });
    expect(existsSync(gone)).toBe(false);
    const f = await runOptimise(sc, { budget: 40, workers: 0, journal: kept, keepJournal: true });
    const lines = readFileSync(kept, 'utf8').trim().split('\n');
    expect(JSON.parse(lines[0]).format).toBe('caresim-optimise-journal/1');
    expect(lines.length - 1).toBe(f.evidence.replications);
  });
});

describe('runOptimise(scenario, { journal }) with the measurements of an earlier search in it', () => {
  it('refuses to start again over them without --resume or --fresh, and --fresh discards them', async () => {
    const { sc } = fixture('erlang-c.yaml');
    const journal = join(tempDir('optimise-fresh'), 'opt.ndjson');
    const done = await runOptimise(sc, { budget: 40, workers: 0, journal, keepJournal: true });
    const before = readFileSync(journal, 'utf8');
    const n = done.evidence.replications;
    const again = runOptimise(sc, { budget: 40, workers: 0, journal });
    await expect(again).rejects.toBeInstanceOf(OptimiseResumeError);
    await expect(again).rejects.toThrow(
      `holds ${n} measurements of an interrupted search: continue it with --resume, or discard them and start again with --fresh`,
    );
    expect(readFileSync(journal, 'utf8')).toBe(before);
    await expect(runOptimise(sc, { budget: 40, workers: 0, journal, resume: true, fresh: true })).rejects.toThrow('contradict each other');
    const fresh = await runOptimise(sc, { budget: 40, workers: 0, journal, fresh: true, keepJournal: true });
    expect(fresh.evidence.replications).toBe(n);
    expect(readFileSync(journal, 'utf8').trim().split('\n')).toHaveLength(n + 1);
  });
});

describe('runOptimise(scenario, { journal, resume }) over a journal cut short by a kill', () => {
  it('drops a cut last line before appending, and starts again over a cut header, ending where an uninterrupted search ends', async () => {
    const { sc } = fixture('erlang-c.yaml');
    const dir = tempDir('optimise-cut');
    const whole = await runOptimise(sc, { budget: 40, workers: 0 });
    const journal = join(dir, 'opt.ndjson');
    await runOptimise(sc, { budget: 40, workers: 0, journal, keepJournal: true });
    const text = readFileSync(journal, 'utf8');
    const lines = text.trim().split('\n');
    // Keep the header and half the measurements, the last of them cut in the middle.
    const kept = lines.slice(0, 1 + Math.floor((lines.length - 1) / 2)).join('\n');
    writeFileSync(journal, kept.slice(0, kept.length - 10));
    const resumed = await runOptimise(sc, { budget: 40, workers: 0, journal, resume: true, keepJournal: true });
    expect(resumed.chosen).toEqual(whole.chosen);
    const after = readFileSync(journal, 'utf8').trim().split('\n');
    for (const l of after) expect(() => JSON.parse(l)).not.toThrow();
    expect(after.length - 1).toBe(resumed.evidence.replications);
    // A header cut short holds nothing to resume: the search starts again.
    writeFileSync(journal, text.slice(0, 60));
    const again = await runOptimise(sc, { budget: 40, workers: 0, journal, resume: true });
    expect(again.chosen).toEqual(whole.chosen);
  });
});

describe('runOptimise(scenario, { journal }) locks its journal', () => {
  it('refuses a journal another search holds, leaving it as it is, and releases its own lock when done', async () => {
    const { sc } = fixture('erlang-c.yaml');
    const journal = join(tempDir('optimise-lock'), 'sub', 'opt.ndjson');
    // The first search's journal: no second search may write into it or, with --resume, read it.
    const first = runOptimise(sc, { budget: 40, workers: 0, journal, keepJournal: true });
    const second = runOptimise(sc, { budget: 40, workers: 0, journal, resume: true });
    await expect(second).rejects.toBeInstanceOf(LockError);
    await expect(second).rejects.toThrow(/in use by another caresim run/);
    const done = await first;
    const lines = readFileSync(journal, 'utf8').trim().split('\n');
    expect(lines.length - 1).toBe(done.evidence.replications);
    expect(existsSync(`${journal}.lock`)).toBe(false);
    // A caller that holds the lock (the command line) says so, and the search does not take it again.
    const held = acquireLock(fileIdentity(journal));
    try {
      await expect(runOptimise(sc, { budget: 40, workers: 0, journal, resume: true })).rejects.toThrow(/in use by another caresim run/);
      const f = await runOptimise(sc, { budget: 40, workers: 0, journal, resume: true, journalLocked: true });
      expect(f.evidence.replications).toBe(done.evidence.replications);
    } finally {
      held.release();
    }
  });

  it('takes over the lock of a search that was killed, saying so', async () => {
    const { sc } = fixture('erlang-c.yaml');
    const journal = join(tempDir('optimise-lock'), 'opt.ndjson');
    // A pid that no longer runs: a child that has exited.
    const gone = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }));
    writeFileSync(`${journal}.lock`, JSON.stringify({ pid: gone, host: hostname() }));
    const notices: string[] = [];
    await runOptimise(sc, { budget: 40, workers: 0, journal, onNotice: (m) => notices.push(m) });
    expect(notices).toEqual([expect.stringMatching(new RegExp(`took over the lock .*pid ${gone} .*no longer runs`))]);
    expect(existsSync(`${journal}.lock`)).toBe(false);
  });
});

describe('runOptimise(scenario, opts)', () => {
  it('runOptimise writes the chosen plan, runners-up, evidence, trade-off and a strategy block that loads', async () => {
    const { sc } = fixture('erlang-c.yaml');
    const f = await runOptimise(sc, { budget: 400, workers: 0 });
    expect(f.status).toBe('found');
    expect(f.chosen!.values).toEqual({ 'params.places': 12 });
    expect(f.chosen!.targets[0].met).toBe(true);
    expect(f.chosen!.targets[0].bound).toBeLessThanOrEqual(0.19);
    // KPIs over the clean-up replications of the plan.
    expect(f.chosen!.kpis.journeys.n).toBe(f.chosen!.replications);
    const eleven = f.evidence.plans.find((p) => p.values['params.places'] === 11)!;
    expect(eleven.status).toBe('not shown feasible');
    expect(eleven.reason).toContain('units.beds.p_wait <= 0.19');
    expect(f.evidence.plans).toHaveLength(f.evidence.visited);
    expect(f.evidence.grid_points).toBe(40);
    // Trade-off: more places, lower P(wait), as Erlang C says.
    const pts = f.trade_off!.points;
    expect(pts.length).toBeGreaterThan(2);
    for (let i = 1; i < pts.length; i++) {
      expect(pts[i].objective).toBeGreaterThan(pts[i - 1].objective);
      expect(pts[i].value).toBeLessThan(pts[i - 1].value);
    }
    const text = readFileSync(sc.file, 'utf8').replace(/optimise:[\s\S]*$/, '') + f.strategy_yaml;
    const a = analyseScenario(text, 'pasted.yaml');
    expect(a.loaded!.strategies.map((s) => s.name)).toEqual(['baseline', 'optimised']);
    expect(a.loaded!.strategies[1].model.units[0].capacity).toBe(12);
  });

  it('runOptimise reports a target no plan can meet after the search, with the closest plans', async () => {
    const { sc } = fixture('erlang-c-unmet.yaml');
    const f = await runOptimise(sc, { budget: 200, workers: 0 });
    expect(f.status).toBe('no-feasible-plan');
    expect(f.chosen).toBeNull();
    expect(f.strategy_yaml).toBeNull();
    expect(f.closest[0].values).toEqual({ 'params.places': 14 });
    expect(f.unmet.map((u) => u.text)).toEqual(['units.beds.p_wait <= 0.001']);
    expect(f.unmet[0].at).toEqual({ 'params.places': 14 });
    expect(f.statement).toMatch(/^No plan evaluated was shown to meet every target/);
  });

  it('runOptimise resumes an interrupted run from its journal and ends exactly where an uninterrupted run does', async () => {
    const { sc } = fixture('erlang-c.yaml');
    const whole = await runOptimise(sc, { budget: 400, workers: 0 });
    const journal = join(tempDir('optimise'), 'opt.journal.ndjson');
    const stop = new AbortController();
    let finished = 0;
    await expect(
      runOptimise(sc, {
        budget: 400,
        workers: 0,
        journal,
        signal: stop.signal,
        onProgress: (p) => {
          finished = p.done;
          if (p.done >= 120) stop.abort();
        },
      }),
    ).rejects.toThrow('interrupted');
    // Stopped inside a batch: every replication finished before the stop is in the journal.
    const kept = readFileSync(journal, 'utf8').trim().split('\n').length - 1;
    expect(kept).toBe(finished);
    expect(existsSync(journal)).toBe(true);
    let resumed = 0;
    const again = await runOptimise(sc, {
      budget: 400,
      workers: 0,
      journal,
      resume: true,
      onProgress: (p) => {
        resumed = p.resumed;
      },
    });
    expect(resumed).toBe(finished);
    expect(again).toEqual(whole);
    expect(existsSync(journal)).toBe(false);
  });
});
