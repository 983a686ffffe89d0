/**
 * Strategy against baseline: for each headline KPI, every strategy's paired difference as
 * a dot with its 95% CI whisker around a zero line. Blue is an improvement, vermillion a
 * loss, grey a difference within noise (the CI crosses zero).
 */
import { axisBottom, max, scaleLinear, select } from 'd3';
import type { DiffRow } from '../data.js';
import {
  differenceUnit,
  displayValue,
  formatChange,
  formatPlain,
  formatValue,
  measureLabel,
  statDecimals,
  tickDecimals,
  verdictOf,
} from '../format.js';
import { kpiInfo } from '../../results/index.js';
import { VERDICT_COLOURS } from '../palette.js';
import { frame } from './frame.js';
import { dataTable } from './table.js';

const ROW = 22,
  HEAD = 44;

export function compareChart(
  container: HTMLElement,
  rows: DiffRow[],
  id = 'compare',
  sLabel: (strategy: string) => string = (s) => s,
): void {
  const kpis = [...new Set(rows.map((r) => r.kpi))];
  const strategies = [...new Set(rows.map((r) => r.strategy))];
  const panelH = HEAD + ROW * strategies.length;
  const f = frame(container, {
    id,
    kind: 'compare',
    title: 'Each strategy against baseline: paired difference with 95% confidence interval',
    summary: `Paired differences from baseline for ${kpis.length} headline measures and ${strategies.length} strategies`,
    width: 900,
    height: Math.max(80, panelH * kpis.length + 10),
    margin: { top: 4, right: 24, bottom: 6, left: 190 },
  });
  kpis.forEach((kpi, k) => {
    const info = kpiInfo(kpi);
    const mine = rows.filter((r) => r.kpi === kpi);
    const v = (x: number | null) => displayValue(x ?? 0, info.kind);
    const reach =
      max(
        mine.flatMap((r) => [
          Math.abs(v(r.diff.ci95[0] ?? r.diff.mean)),
          Math.abs(v(r.diff.ci95[1] ?? r.diff.mean)),
          Math.abs(v(r.diff.mean)),
        ]),
      ) || 1;
    const x = scaleLinear()
      .domain([-reach * 1.1, reach * 1.1])
      .nice()
      .range([0, f.width]);
    const g = f.plot
      .append('g')
      .attr('class', 'panel')
      .attr('data-kpi', kpi)
      .attr('transform', `translate(0,${k * panelH})`);
    const unit = differenceUnit(kpi);
    g.append('text').attr('class', 'panel-title').attr('x', -180).attr('y', 14).text(`${info.label} (difference, ${unit})`);
    g.append('g')
      .attr('class', 'axis x')
      .attr('transform', `translate(0,${HEAD - 10})`)
      .call(
        axisBottom(x)
          .ticks(5)
          .tickSize(3)
          .tickFormat((t) => formatPlain(Number(t), tickDecimals(x.domain()[0], x.domain()[1], 5), true)),
      )
      .call((a) => a.select('.domain').remove());
    g.append('line')
      .attr('class', 'zero')
      .attr('x1', x(0))
      .attr('x2', x(0))
      .attr('y1', HEAD - 6)
      .attr('y2', panelH - 4);
    const row = g
      .selectAll('g.row')
      .data(mine)
      .join('g')
      .attr('class', 'row')
      .attr('transform', (r) => `translate(0,${HEAD + strategies.indexOf(r.strategy) * ROW + ROW / 2})`);
    row
      .append('text')
      .attr('class', 'row-label')
      .attr('x', -8)
      .attr('dy', '0.32em')
      .attr('text-anchor', 'end')
      .text((r) => (sLabel(r.strategy).length > 28 ? sLabel(r.strategy).slice(0, 27) + '…' : sLabel(r.strategy)))
      .append('title')
      .text((r) => sLabel(r.strategy));
    row
      .append('line')
      .attr('class', 'whisker')
      .attr('x1', (r) => x(v(r.diff.ci95[0] ?? r.diff.mean)))
      .attr('x2', (r) => x(v(r.diff.ci95[1] ?? r.diff.mean)))
      .style('stroke', (r) => VERDICT_COLOURS[verdictOf(r.kpi, r.diff)]);
    row
      .append('circle')
      .attr('class', 'diff')
      .attr('r', 5)
      .attr('cx', (r) => x(v(r.diff.mean)))
      .attr('fill', (r) => VERDICT_COLOURS[verdictOf(r.kpi, r.diff)])
      .attr('data-mean', (r) => r.diff.mean)
      .attr('tabindex', 0)
      .each(function (r) {
        const d = statDecimals(r.diff, info.kind);
        select(this)
          .append('title')
          .text(`${sLabel(r.strategy)}, ${info.label}: ${formatValue(r.diff.mean, info.kind, d, true)} (${verdictOf(r.kpi, r.diff)})`);
      });
  });
  dataTable(
    f.figure,
    'Paired differences from baseline (strategy minus baseline)',
    ['Measure', 'Strategy', 'Difference', '95% CI low', '95% CI high', 'Verdict'],
    rows.map((r) => {
      const info = kpiInfo(r.kpi),
        d = statDecimals(r.diff, info.kind);
      // Shares' differences in plain points, as the header says.
      const fmt = (x: number | null) => (x === null ? '–' : formatChange(x, info.kind, d));
      return [
        measureLabel(r.kpi, true),
        sLabel(r.strategy),
        fmt(r.diff.mean),
        fmt(r.diff.ci95[0]),
        fmt(r.diff.ci95[1]),
        verdictOf(r.kpi, r.diff),
      ];
    }),
  );
}
