/**
 * The report's stylesheet, inlined into the HTML so the file opens offline. System fonts
 * only (no downloads); print rules keep cards and charts whole on A4 pages.
 */
export const STYLES = `
:root { --ink: #1a1a1a; --muted: #555; --line: #ccc; --panel: #f6f6f4; --focus: #0072B2; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1120px; margin: 0 auto; padding: 16px 20px 48px; }
h1 { font-size: 1.7em; margin: 0.2em 0; }
h2 { font-size: 1.3em; margin: 1.6em 0 0.4em; border-bottom: 2px solid var(--ink); padding-bottom: 2px; }
h3 { font-size: 1.05em; margin: 1em 0 0.3em; display: flex; align-items: center; gap: 8px; }
.subtitle, .intro, .how-to-read, .description { color: var(--muted); margin: 0.3em 0; }
.swatch { display: inline-block; width: 14px; height: 14px; border-radius: 3px; }
.card-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 10px; }
.card { background: var(--panel); border-radius: 6px; padding: 10px 12px; border-left: 4px solid var(--line); }
.card h4 { margin: 0 0 4px; font-size: 0.9em; color: var(--muted); font-weight: 600; }
.card .value { margin: 0; font-size: 1.5em; font-weight: 700; }
.card .value .unit { font-size: 0.55em; font-weight: 400; color: var(--muted); }
.card .ci, .card .context { margin: 2px 0; font-size: 0.85em; color: var(--muted); }
.card .diff { margin: 6px 0 0; font-size: 0.9em; }
.card .diff[data-verdict=better] { color: #005a8c; } .card:has(.diff[data-verdict=better]) { border-left-color: #0072B2; }
.card .diff[data-verdict=worse] { color: #a33f00; } .card:has(.diff[data-verdict=worse]) { border-left-color: #D55E00; }
.card.absent .value { font-size: 1em; color: var(--muted); font-weight: 400; }
.chart-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); gap: 14px; align-items: start; }
figure.chart { margin: 8px 0; padding: 6px; border: 1px solid #e4e4e4; border-radius: 6px; }
figure.chart figcaption { font-weight: 600; margin-bottom: 4px; }
figure.chart > svg { width: 100%; height: auto; display: block; }
.legend svg { flex: none; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.axis text { font-size: 11px; fill: #333; } .axis path, .axis line { stroke: #888; }
.axis-title, .panel-title, .row-label { font-size: 12px; fill: #222; }
.panel-title { font-weight: 600; }
.warmup { fill: #e9e9e9; } .warmup-label { font-size: 11px; fill: #666; }
.warmup-line { fill: none; stroke: #777; stroke-width: 1.5; }
.band { opacity: 0.14; stroke: none; } .sweep-band { fill: #0072B2; }
.mean { fill: none; stroke-width: 2; } .sweep-line { stroke: #0072B2; }
.capacity { fill: none; stroke-width: 1; opacity: 0.7; }
.point { fill: #0072B2; }
rect.mark { fill-opacity: 0.75; }
.zero { stroke: #444; stroke-dasharray: 3 2; }
.whisker { stroke: #222; stroke-width: 1.5; fill: none; }
.compare .whisker, .chart-compare .whisker { stroke-width: 2.5; }
.legend { list-style: none; padding: 0; margin: 4px 0; display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 12px; }
.legend li { display: flex; align-items: center; gap: 5px; }
details.data-table { margin-top: 4px; font-size: 12px; }
details.sweep-cards { margin: 10px 0; } details.sweep-cards > summary { cursor: pointer; color: #005a8c; font-weight: 600; }
details.data-table summary { cursor: pointer; color: #005a8c; }
details.data-table table { border-collapse: collapse; margin-top: 4px; max-height: 300px; }
details.data-table td, details.data-table th { border: 1px solid #ddd; padding: 2px 6px; text-align: right; }
details.data-table td:first-child, details.data-table th:first-child { text-align: left; }
details.data-table caption { text-align: left; font-weight: 600; }
.methods dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; }
.methods dt { font-weight: 600; } .methods dd { margin: 0; }
.controls { background: var(--panel); border-radius: 6px; padding: 10px 14px; margin: 10px 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 8px 18px; }
.controls label { display: flex; flex-direction: column; font-size: 0.9em; }
.controls output { font-weight: 700; }
.status { color: var(--muted); min-height: 1.4em; }
.picker { display: inline-block; margin: 4px 0 8px; font-weight: 600; } .picker select { font: inherit; }
.summary-list { list-style: none; padding: 0; margin: 8px 0; display: grid; gap: 8px; counter-reset: rank; }
.summary-list > li { counter-increment: rank; background: var(--panel); border-radius: 6px; padding: 8px 12px; border-left: 5px solid var(--line); }
.summary-list > li[data-verdict=better] { border-left-color: #0072B2; } .summary-list > li[data-verdict=worse] { border-left-color: #D55E00; }
.summary-list > li[data-verdict=trade-off] { border-left-color: #E69F00; }
.summary-head { margin: 0; display: flex; align-items: center; gap: 8px; }
.summary-head::before { content: counter(rank) "."; font-weight: 700; color: var(--muted); }
.badge { font-size: 0.8em; font-weight: 700; padding: 1px 8px; border-radius: 10px; background: #e3e3e3; }
.badge[data-verdict=better] { background: #d6eaf6; color: #004f7a; } .badge[data-verdict=worse] { background: #f8e0d2; color: #8a3400; }
.badge[data-verdict=trade-off] { background: #fbecc9; color: #6b4a00; }
.finding { margin: 3px 0; font-size: 1.05em; }
.summary-facts { margin: 0; font-size: 0.88em; color: var(--muted); display: flex; flex-wrap: wrap; gap: 4px 18px; }
.card .range { margin: 2px 0; font-size: 0.85em; color: #333; }
rect.range { fill: #000; fill-opacity: 0.28; }
.sweep-range { fill: #0072B2; opacity: 0.08; stroke: none; }
.baseline-point { fill: #fff; stroke: #000; stroke-width: 2.5; }
.ref line, path.ref { stroke: #a33f00; stroke-width: 1.3; stroke-dasharray: 2 2; fill: none; }
.ref-label { font-size: 10.5px; fill: #a33f00; }
.chart-stack { display: grid; gap: 14px; }
.chart-note { font-size: 12px; color: var(--muted); margin: 2px 0; }
.downloads { display: flex; gap: 6px; margin: 2px 0 4px; }
.downloads button, .print-buttons button { font: inherit; font-size: 12px; padding: 2px 8px; border: 1px solid #999; border-radius: 4px; background: #fff; cursor: pointer; }
.print-buttons { display: flex; gap: 8px; }
.pair-pickers { display: flex; flex-wrap: wrap; gap: 4px 16px; }
.pair-table, .methods table.names { border-collapse: collapse; font-size: 0.9em; margin: 6px 0; }
.pair-table th, .pair-table td, .methods table.names td, .methods table.names th { border: 1px solid #ddd; padding: 3px 8px; text-align: left; }
.pair-table td[data-verdict=better] { color: #005a8c; font-weight: 600; } .pair-table td[data-verdict=worse] { color: #a33f00; font-weight: 600; }
.table-scroll { overflow-x: auto; }
.economics-table { border-collapse: collapse; font-size: 0.85em; margin: 6px 0; }
.economics-table th, .economics-table td { border: 1px solid #ddd; padding: 3px 6px; text-align: right; vertical-align: top; }
.economics-table th[scope=row], .economics-table thead th:first-child { text-align: left; }
.economics-table .value { display: block; font-weight: 600; white-space: nowrap; } .economics-table .ci { display: block; font-size: 0.85em; color: var(--muted); }
.economics-table .no-value { display: block; color: var(--muted); font-style: italic; }
.pair-note { font-size: 0.9em; color: var(--muted); }
@media print {
  .downloads, .print-buttons, .picker, .pair-pickers { display: none; }
  body.brief { font-size: 9pt; line-height: 1.3; }
  body.brief figure.key-chart > svg { max-height: 52mm; }
  body.brief #report > :not(.report-header):not(#summary):not(#occupancy):not(#methods) { display: none; }
  body.brief #occupancy > :not(h2):not(.chart-stack), body.brief #occupancy figure.chart:not(.key-chart), body.brief #occupancy .legend + .chart-note { display: none; }
  body.brief #occupancy { break-before: avoid; }
  body.brief #methods { break-before: page; }
  body.brief #methods h2 { margin-top: 0; }
  body.brief #methods table.names, body.brief #methods .names-title { display: none; }
  body.brief #methods ul, body.brief #methods dl, body.brief .how-to-read, body.brief .summary .intro { font-size: 8pt; }
  body.brief #methods ul { margin: 0; padding-left: 1.4em; }
  body.brief .summary-list { gap: 3px; margin: 4px 0; }
  body.brief .summary-list > li { padding: 2px 8px; }
  body.brief .finding { font-size: 1em; margin: 1px 0; }
  body.brief .summary-facts { font-size: 8pt; }
  body.brief h1 { font-size: 15pt; } body.brief h2 { font-size: 12pt; margin: 0.6em 0 0.2em; } body.brief h3 { margin: 0.5em 0 0.2em; }
  body.brief figure.chart { padding: 2px; margin: 4px 0; }

  @page { size: A4; margin: 14mm; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  .chart-grid { grid-template-columns: 1fr 1fr; }
  figure.chart, .card, .strategy-cards, .methods dl { break-inside: avoid; }
  h2 { break-after: avoid; }
  details.data-table, .controls { display: none; }
  details.sweep-cards > :not(summary) { display: block; }
}
`;
