// A run's journal at a path that holds something else or too little: another file, an empty or
// cut-short journal, another command's journal, a link, a pipe.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tempDir } from '../temp-dir.js';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { runScenario, runScenarioDetailed, ResumeError, LockError, journalHoldsWork } from '../../runner/index.js';
import { comparable, twoStrategies } from './fixture.js';

const dir = () => tempDir('journal');

describe('runScenarioDetailed(loaded, { journal }) on a file that is not a journal', () => {
  it('never overwrites it, not even with fresh, and says it is not a journal', async () => {
    const file = join(dir(), 'scenario.yaml');
    const text = 'name: precious\nunits: {}\n';
    writeFileSync(file, text);
    for (const opts of [{}, { fresh: true }, { resume: true }]) {
      const run = runScenarioDetailed(twoStrategies(2), { workers: 0, journal: file, ...opts });
      await expect(run).rejects.toBeInstanceOf(ResumeError);
      await expect(run).rejects.toThrow(
        /scenario\.yaml exists and is not a caresim journal: it is left as it is; give --journal \(or --out\) another path/,
      );
    }
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('starts again with fresh over an empty journal or one whose header was cut short', async () => {
    const journal = join(dir(), 'run.journal.ndjson');
    for (const start of ['', '{"header":{"format":"caresim-journal/3","scen']) {
      writeFileSync(journal, start);
      const run = await runScenarioDetailed(twoStrategies(2), { workers: 0, journal, fresh: true });
      expect(run.resumed).toBe(0);
    }
  });

  it('starts from the beginning, with a notice, over a journal without a whole first line, with or without resume', async () => {
    // Such a journal holds no finished replication: neither asking for --fresh nor refusing --resume helps anyone.
    const full = await runScenario(twoStrategies(2), { workers: 0 });
    const journal = join(dir(), 'run.journal.ndjson');
    for (const start of [
      '',
      '{"header":{"format":"caresim-journal/3","scen',
      `{"header":{"format":"caresim-journal/3",${'"x":1,'.repeat(20_000)}`,
    ]) {
      for (const opts of [{}, { resume: true }]) {
        writeFileSync(journal, start);
        const notices: string[] = [];
        const run = await runScenarioDetailed(twoStrategies(2), { workers: 0, journal, ...opts, onNotice: (m) => notices.push(m) });
        expect(run.resumed).toBe(0);
        const why = start === '' ? 'is empty' : 'holds no finished replication (its first line was cut short)';
        expect(notices).toEqual([`${journal} ${why}; starting from the beginning`]);
        expect(comparable(run.results)).toBe(comparable(full));
        expect(JSON.parse(readFileSync(journal, 'utf8').split('\n')[0])).toHaveProperty('header');
      }
    }
  });

  it('locks a journal where it really is: a run reaching it through a linked folder is refused while another holds it', async () => {
    const sc = twoStrategies(4);
    const folder = dir();
    const journal = join(folder, 'real.journal.ndjson');
    const held = await runScenarioDetailed(sc, { workers: 0, journal, holdJournal: true });
    const alias = `${folder}-alias`;
    symlinkSync(folder, alias);
    await expect(runScenarioDetailed(sc, { workers: 0, journal: join(alias, 'real.journal.ndjson'), resume: true })).rejects.toBeInstanceOf(
      LockError,
    );
    held.release(false);
    const resumed = await runScenarioDetailed(sc, { workers: 0, journal: join(alias, 'real.journal.ndjson'), resume: true });
    expect(resumed.resumed).toBe(8);
  });

  it("refuses a link standing at the journal's name, to a file or to nothing, and leaves both as they are", async () => {
    // Deleting the journal at the end would delete the link and leave the file; a link to nothing would create its target.
    const folder = dir();
    const target = join(folder, 'real.journal.ndjson');
    writeFileSync(target, 'kept\n');
    for (const [link, to] of [
      [join(folder, 'link.journal.ndjson'), target],
      [join(folder, 'nowhere.journal.ndjson'), join(folder, 'missing', 'x.ndjson')],
    ]) {
      symlinkSync(to, link);
      for (const opts of [{}, { fresh: true }, { resume: true }]) {
        const run = runScenarioDetailed(twoStrategies(2), { workers: 0, journal: link, ...opts });
        await expect(run).rejects.toBeInstanceOf(ResumeError);
        await expect(run).rejects.toThrow(`${link} is a link to ${to}: a journal is written in place and deleted at the end`);
      }
    }
    expect(readFileSync(target, 'utf8')).toBe('kept\n');
    expect(existsSync(join(folder, 'missing'))).toBe(false);
  });

  it('asks for --resume over a journal whose one replication lacks only its newline, and resumes it', async () => {
    const sc = twoStrategies(2);
    const journal = join(dir(), 'run.journal.ndjson');
    await runScenarioDetailed(sc, { workers: 0, journal, holdJournal: true }).then((r) => r.release(false));
    const [header, first] = readFileSync(journal, 'utf8').split('\n');
    writeFileSync(journal, `${header}\n${first}`);
    await expect(runScenarioDetailed(sc, { workers: 0, journal })).rejects.toThrow('holds the journal of an unfinished run');
    expect(readFileSync(journal, 'utf8')).toBe(`${header}\n${first}`);
    const resumed = await runScenarioDetailed(sc, { workers: 0, journal, resume: true });
    expect(resumed.resumed).toBe(1);
  });

  it('starts again, with a notice, over a journal that holds its header and no finished replication', async () => {
    const sc = twoStrategies(2);
    const journal = join(dir(), 'run.journal.ndjson');
    const stopped = new AbortController();
    stopped.abort();
    const first = await runScenarioDetailed(sc, { workers: 0, journal, signal: stopped.signal });
    expect(first.interrupted).toBe(true);
    expect(readFileSync(journal, 'utf8').split('\n')).toHaveLength(2);
    const notices: string[] = [];
    const again = await runScenarioDetailed(sc, { workers: 0, journal, onNotice: (m) => notices.push(m) });
    expect(notices).toEqual([`${journal} holds no finished replication; starting from the beginning`]);
    expect(again.finished).toBe(4);
  });

  it("leaves another command's journal as it is, whatever the options, and a file that only starts like a header", async () => {
    const folder = dir();
    const sensitivity = join(folder, 'sens.journal.ndjson');
    const stop = new AbortController();
    const first = await runScenarioDetailed(twoStrategies(6), {
      workers: 0,
      journal: sensitivity,
      journalMadeBy: 'sensitivity',
      signal: stop.signal,
      onProgress: (p) => {
        if (p.done >= 3) stop.abort();
      },
    });
    expect(first.interrupted).toBe(true);
    const kept = readFileSync(sensitivity, 'utf8');
    for (const opts of [{}, { fresh: true }, { resume: true }]) {
      const run = runScenarioDetailed(twoStrategies(6), { workers: 0, journal: sensitivity, ...opts });
      await expect(run).rejects.toThrow(
        `${sensitivity} is the journal of a sensitivity analysis (caresim sensitivity), not of a run (caresim run): it is left as it is`,
      );
    }
    expect(readFileSync(sensitivity, 'utf8')).toBe(kept);
    const notes = join(folder, 'notes.txt');
    // Only the whole of a header's start counts: a shorter one is someone's file, not a header cut in its first bytes.
    for (const text of ['{"header":{"format":"other/1"}}', '{"header":', '{']) {
      writeFileSync(notes, text);
      for (const opts of [{}, { fresh: true }])
        await expect(runScenarioDetailed(twoStrategies(2), { workers: 0, journal: notes, ...opts })).rejects.toThrow(
          'is not a caresim journal',
        );
      expect(readFileSync(notes, 'utf8')).toBe(text);
    }
  });

  it('refuses a pipe in the place of its lock at once, naming it', async () => {
    const journal = join(dir(), 'run.journal.ndjson');
    execFileSync('mkfifo', [`${journal}.lock`]);
    const run = runScenarioDetailed(twoStrategies(2), { workers: 0, journal });
    await expect(run).rejects.toBeInstanceOf(LockError);
    await expect(run).rejects.toThrow(
      /run\.journal\.ndjson\.lock is not a regular file \(a device, a pipe or a socket\), so .* cannot be locked; delete/,
    );
    expect(existsSync(journal)).toBe(false);
  });

  it('says whether a journal holds a finished replication, without opening anything but a regular file', async () => {
    const d = dir();
    const journal = join(d, 'run.journal.ndjson');
    expect(journalHoldsWork(journal)).toBe(false);
    await runScenarioDetailed(twoStrategies(2), { workers: 0, journal });
    const lines = readFileSync(journal, 'utf8').split('\n');
    expect(journalHoldsWork(journal)).toBe(true);
    writeFileSync(journal, `${lines[0]}\n`);
    expect(journalHoldsWork(journal)).toBe(false);
    writeFileSync(journal, `${lines[0]}\n${lines[1].slice(0, 30)}`);
    expect(journalHoldsWork(journal)).toBe(false);
    writeFileSync(journal, `${lines[0]}\n${lines[1]}\n`);
    expect(journalHoldsWork(journal)).toBe(true);
    const fifo = join(d, 'pipe');
    execFileSync('mkfifo', [fifo]);
    expect(journalHoldsWork(fifo)).toBe(false);
  });

  it('refuses a pipe as the journal at once, leaving it as it is', async () => {
    const fifo = join(dir(), 'pipe.ndjson');
    execFileSync('mkfifo', [fifo]);
    for (const opts of [{}, { fresh: true }, { resume: true }]) {
      const run = runScenarioDetailed(twoStrategies(2), { workers: 0, journal: fifo, ...opts });
      await expect(run).rejects.toBeInstanceOf(ResumeError);
      await expect(run).rejects.toThrow(/pipe\.ndjson is not a regular file \(a device, a pipe or a socket\): it is left as it is/);
    }
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(existsSync(`${fifo}.lock`)).toBe(false);
  });
});
