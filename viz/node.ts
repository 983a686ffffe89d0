/**
 * The Node side of the viewer and report, as the CLI calls them: `caresim report` writes
 * one self-contained HTML file; `caresim view` serves the live viewer on 127.0.0.1.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Results } from '../results/index.js';
import type { Attachments } from './attachments.js';
import { loadBundle } from './bundle.js';
import { reportHtml } from './html.js';
import { serveViewer } from './server.js';
import { reportData } from './report-data.js';

/** Writes the board report for `results` to `outFile` (atomically: a reader never sees half a file). */
export async function writeReport(results: Results, outFile: string, attached: Attachments = {}): Promise<void> {
  const html = reportHtml(reportData(results, attached), await loadBundle('report'));
  const target = resolve(outFile);
  mkdirSync(dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, html);
    renameSync(tmp, target);
  } catch (err) {
    // A full disk or a failed rename leaves no half-written report beside the target.
    rmSync(tmp, { force: true });
    throw err;
  }
}

export interface ViewerOptions {
  /** A results .json (shown as it is) or a scenario .yaml (re-run live in the browser). */
  file: string;
  /** 0 or absent: any free port. */
  port?: number;
  /** Open the page in the default browser. */
  open?: boolean;
}

export interface Viewer {
  url: string;
  close(): Promise<void>;
}

export async function startViewer(opts: ViewerOptions): Promise<Viewer> {
  return serveViewer(resolve(opts.file), opts.port ?? 0, opts.open ?? false);
}
