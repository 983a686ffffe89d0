/** The live viewer's page: styles inline, the script served next to it. */
import { escapeHtml } from './html.js';
import { STYLES } from './styles.js';

export function viewerHtml(title: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}: caresim live viewer</title>
<style>${STYLES}</style>
</head>
<body data-state="loading">
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
