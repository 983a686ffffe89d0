/**
 * The run journal: NDJSON, a header line then one line per finished replication, appended
 * synchronously as each one finishes, so an interrupted run (Ctrl-C, a killed job, a full
 * disk) loses at most the replications that were in flight. `--resume` reads it back and
 * runs only what is missing; it refuses a journal written for another scenario, seed,
 * engine version, strategy list or shard, because mixing those would give wrong results.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { decode, encode } from './codec.js';
import type { ReplicationResult } from '../engine/result.js';

export interface JournalHeader {
  format: 'caresim-journal/1';
  scenario_hash: string;
  seed: number | string;
  engine_version: string;
  strategies: string[];
  shard: string | null;
}

export interface JournalEntry {
  strategy: string;
  replication: number;
  result: ReplicationResult;
}

export class ResumeError extends Error {
  readonly code = 'RESUME_MISMATCH';
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function readEntries(file: string, header: JournalHeader): JournalEntry[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  let found: JournalHeader;
  try {
    found = decode<{ header: JournalHeader }>(lines[0]).header;
    if (!found) throw new Error('no header');
  } catch {
    throw new ResumeError(`cannot resume: ${file} is not a caresim journal`);
  }
  const differ: string[] = [];
  if (found.scenario_hash !== header.scenario_hash) differ.push('the scenario (or its --set overrides) changed');
  if (!same(found.seed, header.seed)) differ.push(`the seed differs (journal ${found.seed}, now ${header.seed})`);
  if (found.engine_version !== header.engine_version) differ.push(`the engine version differs (journal ${found.engine_version}, now ${header.engine_version})`);
  if (!same(found.strategies, header.strategies)) differ.push('the strategies differ');
  if (found.shard !== header.shard) differ.push(`the shard differs (journal ${found.shard ?? 'none'}, now ${header.shard ?? 'none'})`);
  if (differ.length > 0) throw new ResumeError(`cannot resume from ${file}: ${differ.join('; ')}. Run without --resume to start again.`);
  const out: JournalEntry[] = [];
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    try {
      out.push(decode<JournalEntry>(line));
    } catch {
      // A line cut short by the interruption: that replication simply runs again.
    }
  }
  return out;
}

export class Journal {
  private fd: number | null;

  private constructor(readonly file: string, fd: number) {
    this.fd = fd;
  }

  /**
   * Opens the journal. With `resume` and an existing file, checks its header and returns
   * the entries already finished; otherwise starts a new journal.
   */
  static open(file: string, header: JournalHeader, resume: boolean): { journal: Journal; done: JournalEntry[] } {
    mkdirSync(dirname(file), { recursive: true });
    if (resume && existsSync(file)) {
      const done = readEntries(file, header);
      const text = readFileSync(file, 'utf8');
      const fd = openSync(file, 'a');
      // A cut-off last line must not glue itself to the next entry.
      if (text.length > 0 && !text.endsWith('\n')) writeSync(fd, '\n');
      return { journal: new Journal(file, fd), done };
    }
    const fd = openSync(file, 'w');
    writeSync(fd, `${encode({ header })}\n`);
    return { journal: new Journal(file, fd), done: [] };
  }

  append(entry: JournalEntry): void {
    if (this.fd !== null) writeSync(this.fd, `${encode(entry)}\n`);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  /** After the outputs are written the journal has served its purpose. */
  remove(): void {
    this.close();
    rmSync(this.file, { force: true });
  }
}
