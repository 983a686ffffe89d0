/**
 * Writes a file so that readers never see half of it: a temporary file beside it, flushed
 * to disk (fsync) and then renamed over the target, and the directory flushed too, so a
 * power cut leaves either the old file or the whole new one, never a truncated one. When
 * anything fails (a full disk, a read-only folder, an error while producing the text) the
 * temporary file is removed and the error passes on: a failed write leaves nothing behind.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Receives the file's text piece by piece; pieces are buffered into large writes. */
export type Put = (text: string) => void;

const FLUSH_AT = 1 << 20;

function fsyncDir(dir: string): void {
  // Not every platform can open a directory (Windows cannot): the rename is then as durable as it gets.
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Best effort: the file itself is already on disk.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * Writes `file` from the pieces `produce` hands to `put`, never holding the whole text in
 * memory (a results file may be larger than the longest string V8 can make).
 */
export function writeAtomic(file: string, produce: (put: Put) => void): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(file)}.${process.pid}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(tmp, 'w');
    const out = fd;
    let buf = '';
    const flush = () => {
      if (buf.length > 0) writeSync(out, buf);
      buf = '';
    };
    produce((text) => {
      buf += text;
      if (buf.length >= FLUSH_AT) flush();
    });
    flush();
    fsyncSync(out);
    closeSync(out);
    fd = null;
    renameSync(tmp, file);
  } catch (err) {
    if (fd !== null) {
      try { closeSync(fd); } catch { /* already failing: the original error is the one to report */ }
    }
    rmSync(tmp, { force: true });
    throw err;
  }
  fsyncDir(dir);
}

export function writeFileAtomic(file: string, text: string): void {
  writeAtomic(file, (put) => put(text));
}
