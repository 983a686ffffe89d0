/**
 * The report as one HTML string: data, styles and script inlined, nothing fetched, so it
 * opens offline from a file or an email attachment. Pure (no Node APIs), so it is tested
 * without touching the disk.
 */
import type { Results } from '../results/index.js';
import { STYLES } from './styles.js';

export const DATA_ELEMENT_ID = 'caresim-results';

/** JSON safe inside <script>: no "</script>", no HTML comment openers, no U+2028/9. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A bundle must not end the <script> element it is inlined into. */
function scriptSafeCode(code: string): string {
  return code.replace(/<\/script/gi, '<\\/script');
}

/**
 * The opening of every caresim page up to its body: language, viewport, title and the shared
 * styles (`extraStyles` appended inside the same <style>). `title` is escaped here.
 */
export function pageHead(title: string, opts: { generator?: string; extraStyles?: string } = {}): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${opts.generator ? `<meta name="generator" content="${escapeHtml(opts.generator)}">\n` : ''}<title>${escapeHtml(title)}</title>
<style>${STYLES}${opts.extraStyles ?? ''}</style>
</head>
`;
}

export function reportHtml(results: Results, script: string): string {
  return `${pageHead(`${results.scenario.name}: caresim report`, { generator: `caresim ${results.engine.version}` })}<body>
<main id="report"><noscript>This report draws its charts with JavaScript; please open it in a web browser with scripts enabled.</noscript></main>
<script type="application/json" id="${DATA_ELEMENT_ID}">${scriptSafeJson(results)}</script>
<script>${scriptSafeCode(script)}</script>
</body>
</html>
`;
}
