/**
 * Progress of a long run on stderr: a live bar (done, rate, ETA) on a terminal, otherwise
 * NDJSON lines a scheduler's log or a script can read, at most one a second plus the last.
 */
import cliProgress from 'cli-progress';
import type { Progress } from '../runner/index.js';
import type { Io } from './io.js';

export interface ProgressView {
  update(p: Progress): void;
  stop(): void;
}

const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;

export function progressView(io: Io, quiet: boolean): ProgressView {
  if (quiet) return { update() {}, stop() {} };
  if (io.tty) {
    const bar = new cliProgress.SingleBar(
      {
        stream: io.tty,
        format: 'replications |{bar}| {value}/{total} | {rate}/s | ETA {eta_formatted}{failed}',
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(p) {
        const payload = { rate: p.rate.toFixed(1), failed: p.failed > 0 ? ` | ${p.failed} failed` : '' };
        if (!started) {
          bar.start(p.total, p.done, payload);
          started = true;
        }
        bar.setTotal(p.total);
        bar.update(p.done + p.failed, payload);
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  let last = -Infinity;
  let pending: Progress | null = null;
  let initial: number | null = null;
  let shownFirst = false;
  const emit = (p: Progress) => {
    io.err(
      `${JSON.stringify({ type: 'progress', done: p.done, total: p.total, failed: p.failed, resumed: p.resumed, seconds: round(p.seconds, 2), rate: round(p.rate, 2), eta_seconds: p.eta === null ? null : round(p.eta, 1) })}\n`,
    );
  };
  return {
    update(p) {
      pending = p;
      const count = p.done + p.failed;
      if (initial === null) initial = count;
      // The first replication finished now is reported at once: it shows the run is under way.
      const first = !shownFirst && count > initial;
      if (first) shownFirst = true;
      if (p.seconds - last >= 1 || first) {
        emit(p);
        last = p.seconds;
        pending = null;
      }
    },
    stop() {
      if (pending) emit(pending);
    },
  };
}
