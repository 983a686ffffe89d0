/**
 * The run journal: NDJSON, a header line then one line per finished replication, appended
 * synchronously as each one finishes, so an interrupted run (Ctrl-C, a killed job, a full
 * disk) loses at most the replications that were in flight. `--resume` reads it back, line
 * by line (a journal of thousands of replications is larger than one string can be), and
 * runs only what is missing. It refuses a journal written for another scenario, seed,
 * engine version, strategy list or shard, and every line says which run wrote it (scenario
 * hash, seed, strategy), so a line from another run is refused too: mixing would give
 * wrong results. The journal is locked while a run writes it (runner/lock.ts), and an
 * existing journal is never overwritten unless asked to (`fresh`).
 */
import { closeSync, existsSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { decode, encode } from '../results/index.js';
import { decodeLine, LineEncoder } from './journal-line.js';
import { readPlacedLines } from './lines.js';
import { JournalIndex } from './journal-index.js';
import { acquireLock, type Lock } from './lock.js';
import { fileIdentity } from './file-identity.js';
import { abandon, journalLinkProblem, makeFolderFor, naming, removeFile, writeAll } from './atomic.js';
import { journalOwner, madeBy, readJournalHead } from './journal-file.js';
import type { ReplicationResult } from '../engine/index.js';

export const JOURNAL_FORMAT = 'caresim-journal/3' as const;

/**
 * The format before series were packed (journal-line.ts): still resumed, and continued in
 * its own line form so the file stays readable by the version that started it.
 */
const PLAIN_FORMAT = 'caresim-journal/2';
/** Ends a cut-off last line before the next entry is appended. */
const NEWLINE = Buffer.from('\n');

export interface JournalHeader {
  format: typeof JOURNAL_FORMAT | typeof PLAIN_FORMAT;
  scenario_hash: string;
  seed: number | string;
  engine_version: string;
  strategies: string[];
  shard: string | null;
  /** The command whose journal this is: absent for a run; `sensitivity` for `caresim sensitivity`. */
  made_by?: 'sensitivity';
}

/** What an unfinished journal holds, in words. */
const unfinishedWork = (h: Pick<JournalHeader, 'made_by'>) => (h.made_by === 'sensitivity' ? 'sensitivity analysis' : 'run');
/**
 * Why a journal's replications belong to other configurations. An analysis's hash covers every
 * configuration (runner/sensitivity), which the seed and --vary pick as well as the scenario.
 */
const scenarioChanged = (h: Pick<JournalHeader, 'made_by'>) =>
  h.made_by === 'sensitivity'
    ? "the configurations differ (the scenario, its --set overrides, --vary, or the seed the uncertain params' percentiles are drawn with)"
    : 'the scenario (or its --set overrides) changed';

export interface JournalEntry {
  strategy: string;
  replication: number;
  result: ReplicationResult;
}

/** A journal line: the entry and what identifies the run that wrote it. */
interface JournalLine extends JournalEntry {
  scenario_hash: string;
  seed: number | string;
}

export class ResumeError extends Error {
  readonly code = 'RESUME_MISMATCH';
  override readonly name = 'ResumeError';
}

export interface OpenOptions {
  /** Continue from an existing journal (none present: start a new one). */
  resume?: boolean;
  /** Discard an existing journal and start again. */
  fresh?: boolean;
  /** Hears each finished replication read back, in journal order. */
  onEntry?: (entry: JournalEntry) => void;
  /** Hears notices meant for the user (a stale lock taken over). */
  onNotice?: (message: string) => void;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Checks the header line against this run's; returns the format the journal's lines are in. */
function checkHeader(file: string, first: string | undefined, header: JournalHeader): JournalHeader['format'] {
  let found: JournalHeader | undefined;
  try {
    found = first === undefined ? undefined : decode<{ header?: JournalHeader }>(first).header;
  } catch {
    found = undefined;
  }
  if (!found || typeof found !== 'object')
    throw new ResumeError(`cannot resume: ${file} is not a caresim journal (or its first line was cut short); start again with --fresh`);
  if (found.format !== header.format && found.format !== PLAIN_FORMAT) {
    throw new ResumeError(
      `cannot resume from ${file}: it was written by another version of caresim (${String(found.format)}, now ${header.format}); start again with --fresh`,
    );
  }
  const differ: string[] = [];
  if (found.scenario_hash !== header.scenario_hash) differ.push(scenarioChanged(header));
  if (!same(found.seed, header.seed)) differ.push(`the seed differs (journal ${found.seed}, now ${header.seed})`);
  if (found.engine_version !== header.engine_version)
    differ.push(`the engine version differs (journal ${found.engine_version}, now ${header.engine_version})`);
  if (!same(found.strategies, header.strategies)) differ.push('the strategies differ');
  if (found.shard !== header.shard) differ.push(`the shard differs (journal ${found.shard ?? 'none'}, now ${header.shard ?? 'none'})`);
  if (differ.length > 0) throw new ResumeError(`cannot resume from ${file}: ${differ.join('; ')}. Start again with --fresh.`);
  return found.format;
}

/** Why a line that parsed does not belong to this run, or null when it does. */
function foreign(line: Partial<JournalLine>, header: JournalHeader, shard: { index: number; count: number } | null): string | null {
  if (line.scenario_hash !== header.scenario_hash) return 'another scenario';
  if (!same(line.seed, header.seed)) return `seed ${String(line.seed)} (this run: ${header.seed})`;
  if (typeof line.strategy !== 'string' || !header.strategies.includes(line.strategy))
    return `a strategy this run does not have (${String(line.strategy)})`;
  const r = line.replication;
  if (typeof r !== 'number' || !Number.isInteger(r) || r < 0) return `a replication index that is not one (${String(r)})`;
  if (shard && r % shard.count !== shard.index) return `replication ${r}, which is not in shard ${header.shard}`;
  return null;
}

/**
 * A line of this run whose result is not the replication it is filed under (damaged on
 * disk): the runner keys results by the line's index but sums them by the result's own,
 * so such a line would count one replication twice. It is run again instead.
 */
const damaged = (line: JournalLine) =>
  !line.result || typeof line.result !== 'object' || line.result.replication !== line.replication || !evenSeries(line.result);

/**
 * Whether every daily series of a result is a list, all of one length, none empty: a line
 * edited or damaged inside a series (a value cut out, a series emptied, a packed series left
 * unreadable) would otherwise shorten every band of its strategy without a word.
 */
function evenSeries(result: JournalLine['result']): boolean {
  const daily: unknown = result.daily;
  if (daily === undefined) return true;
  if (!daily || typeof daily !== 'object') return false;
  let n = -1;
  for (const unit of Object.values(daily)) {
    if (!unit || typeof unit !== 'object') return false;
    for (const a of Object.values(unit as Record<string, unknown>)) {
      if (!(a instanceof Float64Array) && !Array.isArray(a)) return false;
      if (n < 0) n = a.length;
      if (a.length !== n || n === 0) return false;
    }
  }
  return true;
}

const parseShard = (label: string | null) => {
  if (label === null) return null;
  const [index, count] = label.split('/').map(Number);
  return { index, count };
};

/** Reads the journal's entries; returns the format its lines are in. */
async function readEntries(
  file: string,
  header: JournalHeader,
  onEntry: (e: JournalEntry) => void,
  index: JournalIndex,
): Promise<JournalHeader['format']> {
  const shard = parseShard(header.shard);
  let n = 0;
  let format: JournalHeader['format'] = header.format;
  for await (const { text, offset, bytes } of readPlacedLines(file)) {
    n++;
    if (n === 1) {
      format = checkHeader(file, text, header);
      continue;
    }
    if (!text.trim()) continue;
    let line: JournalLine;
    try {
      line = decodeLine<JournalLine>(text);
    } catch {
      // A line cut short by the interruption: that replication simply runs again.
      continue;
    }
    // A line that parses but is no entry at all (no scenario, strategy or result) was not written by a run.
    const entry = line !== null && typeof line === 'object' && 'scenario_hash' in line && 'strategy' in line && 'result' in line;
    if (!entry) {
      throw new ResumeError(
        `cannot resume from ${file}: line ${n} is not a replication of any caresim run; something else wrote into this journal. Start again with --fresh, or remove that line.`,
      );
    }
    const why = foreign(line, header, shard);
    if (why) {
      throw new ResumeError(
        `cannot resume from ${file}: line ${n} belongs to another run (${why}); two runs may have written this journal. Start again with --fresh.`,
      );
    }
    if (damaged(line)) continue;
    index.note(line.strategy, line.replication, offset, bytes);
    onEntry({ strategy: line.strategy, replication: line.replication, result: line.result });
  }
  if (n === 0) checkHeader(file, undefined, header);
  return format;
}

/** Whether the file ends with a newline (read from its last byte, not the whole file). */
function endsWithNewline(fd: number): boolean {
  const size = fstatSync(fd).size;
  if (size === 0) return true;
  const b = Buffer.alloc(1);
  readSync(fd, b, 0, 1, size - 1);
  return b[0] === 0x0a;
}

const plainLine = (line: JournalLine) => Buffer.from(`${encode(line)}\n`);

function packedLines(): (line: JournalLine) => Buffer {
  const encoder = new LineEncoder();
  return (line) => encoder.encode(line);
}

export class Journal {
  private fd: number | null;
  /** Bytes in the file: where the next line starts. */
  private size: number;

  private constructor(
    readonly file: string,
    fd: number,
    private readonly header: JournalHeader,
    private lock: Lock | null,
    readonly index: JournalIndex,
    /** The bytes of an entry line and its newline, in the journal's own format. */
    private readonly encodeEntry: (line: JournalLine) => Buffer,
  ) {
    this.fd = fd;
    this.size = fstatSync(fd).size;
  }

  /**
   * Locks and opens the journal. With `resume` and an existing file, checks it and hands
   * each finished replication to `onEntry`; with `fresh` or no file, starts a new journal;
   * an existing journal with neither is refused (it holds an interrupted run's work). Both at
   * once are refused before any journal is opened, with the run's other options (option-check.ts).
   */
  static async open(file: string, header: JournalHeader, opts: OpenOptions = {}): Promise<Journal> {
    const link = journalLinkProblem(file);
    if (link) throw new ResumeError(link);
    makeFolderFor(file);
    const st = existsSync(file) ? statSync(file) : null;
    if (st?.isDirectory()) throw new ResumeError(`${file} is a directory, not a journal: give --journal (or --out) a file path`);
    // A device or a pipe is never a journal: reading a pipe waits for ever, and --fresh or a
    // finished run would delete the device (as root, /dev/null itself).
    if (st && !st.isFile()) {
      throw new ResumeError(
        `${file} is not a regular file (a device, a pipe or a socket): it is left as it is; give --journal (or --out) a file path`,
      );
    }
    // Locked where the journal really is (or will be): two runs naming it through links are one run.
    const lock = acquireLock(fileIdentity(file), opts.onNotice);
    try {
      const head = existsSync(file) ? readJournalHead(file) : null;
      if (head && !head.mayBeJournal) {
        const owner = journalOwner(head);
        const what = owner ? `is the journal of ${owner}` : 'exists and is not a caresim journal';
        throw new ResumeError(`${file} ${what}: it is left as it is; give --journal (or --out) another path`);
      }
      // Another command's journal is its work, whatever the options: neither resumed nor discarded here.
      if (head?.header && head.header.made_by !== header.made_by)
        throw new ResumeError(
          `${file} is the journal of ${madeBy(head.header)}, not of ${madeBy(header)}: it is left as it is; give --journal (or --out) another path`,
        );
      // Without a finished replication (the command that made it stopped while starting) there
      // is nothing to resume or to lose.
      const kept = head !== null && !opts.fresh;
      const unfinished = kept && head.more;
      if (kept && !unfinished) {
        const why =
          head.size === 0
            ? 'is empty'
            : head.whole
              ? 'holds no finished replication'
              : 'holds no finished replication (its first line was cut short)';
        opts.onNotice?.(`${file} ${why}; starting from the beginning`);
      }
      if (unfinished) {
        if (!opts.resume) {
          throw new ResumeError(
            `${file} holds the journal of an unfinished ${unfinishedWork(header)}: continue it with --resume, or discard it and start again with --fresh`,
          );
        }
        const index = new JournalIndex(file);
        const format = await readEntries(file, header, opts.onEntry ?? (() => {}), index);
        const fd = openSync(file, 'a+');
        // A cut-off last line must not glue itself to the next entry.
        if (!endsWithNewline(fd)) writeAll(fd, NEWLINE);
        return new Journal(file, fd, header, lock, index, format === PLAIN_FORMAT ? plainLine : packedLines());
      }
      const fd = openSync(file, 'w');
      try {
        writeAll(fd, Buffer.from(`${encode({ header })}\n`));
      } catch (err) {
        // A journal cut in its header holds no work, and would make the next attempt ask for --resume or --fresh.
        throw abandon(err, fd, file);
      }
      return new Journal(file, fd, header, lock, new JournalIndex(file), packedLines());
    } catch (err) {
      lock.release();
      throw err;
    }
  }

  append(entry: JournalEntry): void {
    if (this.fd === null) return;
    const line: JournalLine = { scenario_hash: this.header.scenario_hash, seed: this.header.seed, ...entry };
    const bytes = this.encodeEntry(line);
    try {
      writeAll(this.fd, bytes);
    } catch (err) {
      throw naming(err, this.file);
    }
    this.index.note(entry.strategy, entry.replication, this.size, bytes.length - 1);
    this.size += bytes.length;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    this.lock?.release();
    this.lock = null;
  }

  /** After the outputs are written the journal has served its purpose (the lock goes even when the file cannot). */
  remove(): void {
    try {
      removeFile(this.file);
    } finally {
      this.close();
    }
  }
}
