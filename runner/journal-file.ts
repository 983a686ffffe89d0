/**
 * What an existing file holds, read as a journal before a command writes to it: whether it may
 * be one at all, whose it is, and whether anything follows its header. One read of its start;
 * the newline that ends the header is looked for piece by piece, however long the header is.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { decode } from '../results/index.js';
import { startsLikeOptimiserJournal } from './atomic.js';
import type { JournalHeader } from './journal.js';

/** How every journal begins: its header, whose first key is the format (caresim-journal/2 or /3). */
const HEADER_START = '{"header":{"format":"caresim-journal/';
/** The longest header read back to tell whose journal it is (a header is a few kilobytes). */
const HEADER_MAX = 1 << 20;
const PIECE = 1 << 16;

export interface JournalHead {
  /** Empty (killed before its header) or starting with the whole of a header's start: a shorter start (`{`, `{"header":`) is someone's file. */
  mayBeJournal: boolean;
  size: number;
  /** Its first line ends with a newline. */
  whole: boolean;
  /** Anything follows the whole header line: a finished replication, one lacking only its newline, or one cut short. */
  more: boolean;
  /** The header, when the first line is whole and parses. */
  header: Partial<JournalHeader> | null;
  /** The file's first bytes as text, to tell another kind of file by. */
  start: string;
}

export function readJournalHead(file: string): JournalHead {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const first = Buffer.alloc(Math.min(size, PIECE));
    readSync(fd, first, 0, first.length, 0);
    const start = first.toString('utf8', 0, Math.min(first.length, 4096));
    const end = newlineAt(fd, first);
    let header: Partial<JournalHeader> | null = null;
    if (end >= 0 && end <= HEADER_MAX) {
      const line = Buffer.alloc(end);
      readSync(fd, line, 0, end, 0);
      try {
        const found = decode<{ header?: Partial<JournalHeader> }>(line.toString('utf8')).header;
        header = found && typeof found === 'object' ? found : null;
      } catch {
        header = null;
      }
    }
    return {
      mayBeJournal: size === 0 || start.startsWith(HEADER_START),
      size,
      whole: end >= 0,
      more: end >= 0 && size > end + 1,
      header,
      start,
    };
  } finally {
    closeSync(fd);
  }
}

/** Where the first newline is (-1: none), from the first piece already read and then piece by piece. */
function newlineAt(fd: number, first: Buffer): number {
  const inFirst = first.indexOf(0x0a);
  if (inFirst >= 0 || first.length < PIECE) return inFirst;
  const piece = Buffer.alloc(PIECE);
  for (let at = first.length; ; at += PIECE) {
    const n = readSync(fd, piece, 0, PIECE, at);
    if (n === 0) return -1;
    const i = piece.subarray(0, n).indexOf(0x0a);
    if (i >= 0) return at + i;
  }
}

/** Who wrote a journal, in words. */
export const madeBy = (h: Pick<JournalHeader, 'made_by'>) =>
  h.made_by === 'sensitivity' ? 'a sensitivity analysis (caresim sensitivity)' : 'a run (caresim run)';

/** Whose journal the file read into `head` is, in words; null when it is no caresim journal. */
export function journalOwner(head: JournalHead): string | null {
  if (startsLikeOptimiserJournal(head.start)) return 'an optimisation (caresim optimise)';
  if (head.size === 0 || !head.mayBeJournal) return null;
  return madeBy(head.header ?? {});
}

/** How many newlines the file holds, counted up to `upTo`, read in pieces. */
function newlines(file: string, upTo: number): number {
  const fd = openSync(file, 'r');
  try {
    const piece = Buffer.alloc(PIECE);
    let count = 0;
    for (let at = 0; ;) {
      const n = readSync(fd, piece, 0, piece.length, at);
      if (n === 0) return count;
      for (let i = piece.indexOf(0x0a); i >= 0 && i < n; i = piece.indexOf(0x0a, i + 1)) if (++count >= upTo) return count;
      at += n;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether a journal holds at least one finished replication (a whole line after its header):
 * what a failed run may tell the user `--resume` will continue from. Never opens anything
 * but a regular file.
 */
export function journalHoldsWork(file: string): boolean {
  try {
    return statSync(file).isFile() && newlines(file, 2) >= 2;
  } catch {
    return false;
  }
}
