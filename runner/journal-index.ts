/**
 * Where each finished replication sits in the journal (byte offset and length of its
 * line), so the outputs that list every replication (a shard file, --per-rep CSV) can be
 * written from the journal one replication at a time, in index order, instead of holding
 * every replication (≈145 KB each for the default ICS) until the end of the run.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { decodeLine } from './journal-line.js';
import type { ReplicationResult } from '../engine/index.js';

export class JournalIndex {
  /** Per strategy: replication index -> [offset, bytes]; the first line for an index wins, as on resume. */
  private readonly where = new Map<string, Map<number, [number, number]>>();

  constructor(readonly file: string) {}

  note(strategy: string, replication: number, offset: number, bytes: number): void {
    let m = this.where.get(strategy);
    if (!m) {
      m = new Map();
      this.where.set(strategy, m);
    }
    if (!m.has(replication)) m.set(replication, [offset, bytes]);
  }

  /** Replications held for `strategy`, by index. */
  indices(strategy: string): number[] {
    return [...(this.where.get(strategy)?.keys() ?? [])];
  }

  /**
   * The replications of `strategy` whose index passes `keep`, in index order, each read
   * from its line when reached: iterating holds one replication at a time, and may be
   * repeated (the file is opened afresh each time).
   */
  replications(strategy: string, keep: (r: number) => boolean): Iterable<ReplicationResult> {
    const { file } = this;
    const places = [...(this.where.get(strategy) ?? new Map<number, [number, number]>())]
      .filter(([r]) => keep(r))
      .sort((a, b) => a[0] - b[0])
      .map(([, p]) => p);
    return {
      *[Symbol.iterator]() {
        if (places.length === 0) return;
        const fd = openSync(file, 'r');
        try {
          for (const [offset, bytes] of places) {
            const buf = Buffer.allocUnsafe(bytes);
            let got = 0;
            while (got < bytes) {
              const n = readSync(fd, buf, got, bytes - got, offset + got);
              if (n === 0) throw new Error(`${file}: the journal was cut short while its replications were being written out`);
              got += n;
            }
            yield decodeLine<{ result: ReplicationResult }>(buf.toString('utf8')).result;
          }
        } finally {
          closeSync(fd);
        }
      },
    };
  }
}
