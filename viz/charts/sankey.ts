/**
 * The pathway as a Sankey diagram (d3-sankey): boxes for where patients come from, the units
 * and the ways out; bands as wide as the patients a day between them. Bands of moves that
 * first waited blocked for a place downstream are drawn in vermillion with class `delayed`.
 * The graph (loops cut, stock changes, delayed bands) is built in flow-graph.ts.
 */
import { sankey, sankeyLinkHorizontal, type SankeyLink, type SankeyNode } from 'd3-sankey';
import type { FlowGraph, GraphLink, GraphNode } from '../flow-graph.js';
import type { Stat } from '../../results/index.js';
import { formatValue, statDecimals } from '../format.js';
import { VERDICT_COLOURS } from '../palette.js';
import { frame, legend } from './frame.js';
import { dataTable } from './table.js';

export const PROMPT_COLOUR = '#7f8c99';
export const DELAYED_COLOUR = VERDICT_COLOURS.worse;

const NODE_COLOURS: Record<GraphNode['kind'], string> = {
  cohort: '#009E73',
  source: '#009E73',
  unit: '#0072B2',
  exit: '#555555',
  lost: '#D55E00',
  stock: '#999999',
  return: '#999999',
};

type Node = SankeyNode<GraphNode, GraphLink>;
type Link = SankeyLink<GraphNode, GraphLink>;

export interface SankeyOptions {
  id: string;
  title: string;
  width?: number;
}

const perDay = (v: number) => formatValue(v, 'count', v >= 10 ? 0 : v >= 1 ? 1 : 2);

export function sankeyChart(container: HTMLElement, g: FlowGraph, o: SankeyOptions): void {
  const W = o.width ?? 540;
  const H = Math.min(720, Math.max(280, 26 * g.nodes.length));
  const f = frame(container, {
    id: o.id,
    kind: 'sankey',
    title: o.title,
    summary: `${o.title}: ${g.nodes.length} boxes and ${g.links.length} bands, band width proportional to patients a day`,
    width: W,
    height: H,
    margin: { top: 8, right: 8, bottom: 8, left: 8 },
  });
  const layout = sankey<GraphNode, GraphLink>()
    .nodeId((d) => d.id)
    .nodeWidth(12)
    .nodePadding(12)
    .extent([
      [0, 0],
      [f.width, f.height],
    ]);
  // d3-sankey writes its layout into the objects it is given: give it copies.
  const { nodes, links } = layout({ nodes: g.nodes.map((n) => ({ ...n })), links: g.links.map((l) => ({ ...l })) });
  const id = (n: string | number | Node) => (n as Node).id;
  f.plot
    .append('g')
    .attr('class', 'flows')
    .attr('fill', 'none')
    .selectAll('path')
    .data(links)
    .join('path')
    .attr('class', (l) => (l.delayed ? 'flow delayed' : 'flow'))
    .attr('d', sankeyLinkHorizontal())
    .attr('stroke', (l) => (l.delayed ? DELAYED_COLOUR : PROMPT_COLOUR))
    .attr('stroke-opacity', (l) => (l.delayed ? 0.75 : 0.4))
    .attr('stroke-width', (l: Link) => Math.max(1, l.width ?? 0))
    .attr('data-source', (l) => id(l.source))
    .attr('data-target', (l) => id(l.target))
    .attr('data-edge', (l) => l.edge)
    .attr('data-value', (l) => l.value)
    .attr('data-width', (l: Link) => l.width ?? 0)
    .append('title')
    .text(
      (l) =>
        `${(l.source as Node).label} → ${(l.target as Node).label}: ${perDay(l.value)} patients a day` +
        (l.delayed ? ' after waiting for a place there' : ''),
    );
  const node = f.plot
    .append('g')
    .attr('class', 'nodes')
    .selectAll('g')
    .data(nodes)
    .join('g')
    .attr('class', 'node')
    .attr('data-node', (n) => n.id)
    .attr('data-kind', (n) => n.kind)
    .attr('data-value', (n) => n.value ?? 0);
  node
    .append('rect')
    .attr('class', 'mark')
    .attr('x', (n) => n.x0!)
    .attr('y', (n) => n.y0!)
    .attr('width', (n) => n.x1! - n.x0!)
    .attr('height', (n) => Math.max(1, n.y1! - n.y0!))
    .attr('fill', (n) => NODE_COLOURS[n.kind])
    .append('title')
    .text((n) => `${n.label}: ${perDay(n.value ?? 0)} patients a day`);
  node
    .append('text')
    .attr('class', 'node-label')
    .attr('font-size', 11)
    .attr('x', (n) => (n.x0! < f.width / 2 ? n.x1! + 4 : n.x0! - 4))
    .attr('y', (n) => (n.y0! + n.y1!) / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', (n) => (n.x0! < f.width / 2 ? 'start' : 'end'))
    .text((n) => `${n.label} (${perDay(n.value ?? 0)})`);
  legend(f, [
    { label: 'Moved when ready', colour: PROMPT_COLOUR },
    { label: 'Moved after waiting, blocked, for a place there (delayed)', colour: DELAYED_COLOUR },
  ]);
  const label = new Map(g.nodes.map((n) => [n.id, n.label]));
  const fmt = (s: Stat | null, i: 0 | 1) => {
    const v = s?.ci95[i];
    return s && v !== null && v !== undefined ? formatValue(v, 'count', statDecimals(s, 'count')) : '–';
  };
  dataTable(
    f.figure,
    `${o.title} (patients a day)`,
    ['From', 'To', 'Patients a day', '95% CI low', '95% CI high', 'Of them after waiting for a place'],
    g.rows.map((r) => [
      label.get(r.from) ?? r.from,
      label.get(r.to) ?? r.to,
      r.perDay ? formatValue(r.value, 'count', statDecimals(r.perDay, 'count')) : perDay(r.value),
      fmt(r.perDay, 0),
      fmt(r.perDay, 1),
      r.delayed ? formatValue(r.delayed.mean, 'count', statDecimals(r.delayed, 'count')) : '0',
    ]),
  );
  // Each row names the edge its bands draw, so a reader (or a test) can go from band to row.
  f.figure
    .selectAll('details.data-table tbody tr')
    .data(g.rows)
    .attr('data-edge', (r) => r.edge);
}
