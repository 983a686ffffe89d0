/** The live viewer's page: styles inline, the script served next to it. */
import { escapeHtml, pageHead } from './html.js';

const VIEWER_STYLES = `
.scenario-errors { border-left: 4px solid #a33f00; background: #fff4ec; padding: 0.4em 1em; margin: 1em 0; }
.scenario-errors h2 { font-size: 1.05em; color: #a33f00; }
.scenario-errors .detail { color: #444; margin-left: 1em; }
.save-plan { margin: 1em 0; }
.save-plan label { margin-right: 1em; }
.save-plan pre { background: #f4f4f4; padding: 0.5em; }
`;

export function viewerHtml(title: string): string {
  return `${pageHead(`${title}: caresim live viewer`, { extraStyles: VIEWER_STYLES })}<body data-state="loading">
<main>
<h1 class="viewer-title">${escapeHtml(title)}: live viewer</h1>
<p class="intro">Move a slider and release it: the simulation re-runs in this browser and every chart below compares your plan with the scenario as written.</p>
<div id="viewer"></div>
<p class="status" id="status" role="status" aria-live="polite">Loading…</p>
<div id="report"></div>
</main>
<script src="/viewer.js"></script>
</body>
</html>
`;
}
