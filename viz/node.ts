/**
 * The Node side of the viewer and report, as the CLI calls them: `caresim report` writes
 * one self-contained HTML file; `caresim view` serves the live viewer on 127.0.0.1.
 */
import { resolve } from 'node:path';
import type { Results } from '../results/index.js';
import type { Attachments } from './attachments.js';
import { loadBundle } from './bundle.js';
import { reportHtml } from './html.js';
import { serveViewer } from './server.js';
import { reportData } from './report-data.js';

/**
 * The board report for `results`: one self-contained HTML page. The command line writes it as
 * it writes every output (atomically, flushed to disk, keeping the permissions of a report it
 * replaces), so the viewer side does no file writing of its own.
 */
export async function reportPage(results: Results, attached: Attachments = {}): Promise<string> {
  return reportHtml(reportData(results, attached), await loadBundle('report'));
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
