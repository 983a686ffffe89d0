/** The live viewer's page: styles inline, the script served next to it. */
import { escapeHtml, pageHead } from './html.js';

export function viewerHtml(title: string): string {
  return `${pageHead(`${title}: caresim live viewer`)}<body data-state="loading">
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
