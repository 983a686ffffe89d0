/**
 * The viewer and report as other folders (the CLI) call them: Node side only. The browser
 * entries (report-entry, viewer-entry, viewer-worker) are bundles of their own, not doors.
 * The CLI loads this lazily, so commands without charts start without d3.
 */
export { readResultsFile, resultsProblem, ResultsFileError } from './results-file.js';
export { reportPage, startViewer, type ViewerOptions, type Viewer } from './node.js';
export { compareHtml } from './compare-html.js';
export { fitReportHtml } from './fit-report.js';
export { optimiseHtml } from './optimise-html.js';
export { sensitivityHtml, shortNumber, unitAfter, failedReplications } from './sensitivity-html.js';
export { readAttachments } from './attachment-file.js';
export type { Attachments } from './attachments.js';
export { economicHeading, economicRows, type EconomicRow, type EconomicCell } from './economics.js';
export { differenceUnit, formatChange, formatPlain, inMillions, statDecimals } from './format.js';
