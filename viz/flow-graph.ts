/**
 * A strategy's flows (results.json `strategies.<name>.flows`) as the nodes and bands of a
 * Sankey diagram. Three things a Sankey cannot draw as they are:
 * - loops (a readmission from rehab back to acute): d3-sankey needs an acyclic graph, so a
 *   move back to a unit already upstream is drawn as a band to a "back to X" box on the right
 *   and another from a "returning to X" box into X, carrying the same patients;
 * - patients inside a unit at the start and end of the measured period: only the net change
 *   is drawn, as a band into "more inside at the end" or out of "fewer inside at the end";
 * - delays: the share of an edge that first waited blocked for a place downstream is a band
 *   of its own, so it can be highlighted.
 * With these, every unit box has as many patients a day coming in as going out.
 */
import type { Flow, Stat } from '../results/index.js';

export type NodeKind = 'cohort' | 'source' | 'unit' | 'exit' | 'lost' | 'stock' | 'return';

export interface GraphNode {
  id: string;
  kind: NodeKind;
  label: string;
}

export interface GraphLink {
  source: string;
  target: string;
  /** Patients a day drawn by this band. */
  value: number;
  /** The band of moves that first waited blocked for a place downstream. */
  delayed: boolean;
  /** Key of the table row behind this band (`from->to` of the edge it draws). */
  edge: string;
}

/** A row of the table behind the chart: one edge of the results file, or a unit's net change inside. */
export interface EdgeRow {
  edge: string;
  from: string;
  to: string;
  perDay: Stat | null;
  /** Patients a day (the mean, or the net change for a stock row). */
  value: number;
  delayed: Stat | null;
}

export interface FlowGraph {
  nodes: GraphNode[];
  links: GraphLink[];
  rows: EdgeRow[];
}

/** Plain words for a node; `unitLabel` and friends come from the results' labels, falling back to the name. */
export interface NodeLabels {
  units?: Record<string, string>;
  cohorts?: Record<string, string>;
  sources?: Record<string, string>;
  exits?: Record<string, string>;
}

const FIXED: Record<string, string> = {
  'lost:turned_away': 'Turned away (no place)',
  'lost:left_waiting': 'Left before being seen',
  'stock:more': 'More inside at the end',
  'stock:fewer': 'Fewer inside at the end',
};

const words = (name: string) => {
  const s = name.replace(/[_-]+/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
};

/** The label of a node id such as `unit:acute` or `exit:care_home`. */
export function nodeLabel(id: string, labels: NodeLabels = {}): string {
  if (Object.hasOwn(FIXED, id)) return FIXED[id];
  const at = id.indexOf(':'),
    kind = id.slice(0, at),
    name = id.slice(at + 1);
  const own = (m: Record<string, string> | undefined) => (m && Object.hasOwn(m, name) ? m[name] : undefined);
  if (kind === 'unit') return own(labels.units) ?? name;
  if (kind === 'cohort') return `${own(labels.cohorts) ?? words(name)}: crises`;
  if (kind === 'source') return own(labels.sources) ?? words(name);
  if (kind === 'exit') return own(labels.exits) ?? words(name);
  if (kind === 'back') return `Back to ${nodeLabel(`unit:${name}`, labels)}`;
  if (kind === 'again') return `Returning to ${nodeLabel(`unit:${name}`, labels)}`;
  return name;
}

const kindOf = (id: string): NodeKind => {
  const k = id.slice(0, id.indexOf(':'));
  return k === 'back' || k === 'again' ? 'return' : (k as NodeKind);
};

const mean = (s: Stat | undefined) => (s && s.mean !== null && s.mean > 0 ? s.mean : 0);

/** Edges that go back to a node already on the path from a source (depth-first, in the file's order). */
function backEdges(edges: { from: string; to: string }[]): Set<number> {
  const out = new Map<string, number[]>();
  edges.forEach((e, i) => {
    if (!out.has(e.from)) out.set(e.from, []);
    out.get(e.from)!.push(i);
  });
  const state = new Map<string, 1 | 2>(); // 1: on the current path, 2: done
  const back = new Set<number>();
  const visit = (n: string) => {
    state.set(n, 1);
    for (const i of out.get(n) ?? []) {
      const t = edges[i].to,
        st = state.get(t);
      if (st === 1) back.add(i);
      else if (st === undefined) visit(t);
    }
    state.set(n, 2);
  };
  // Arrivals first, so loops are cut where patients come back, not where they first go.
  const starts = [...new Set(edges.map((e) => e.from))].sort((a, b) => Number(a.startsWith('unit:')) - Number(b.startsWith('unit:')));
  for (const n of starts) if (!state.has(n)) visit(n);
  return back;
}

export function flowGraph(flows: readonly Flow[], labels: NodeLabels = {}): FlowGraph {
  const links: GraphLink[] = [];
  const rows: EdgeRow[] = [];
  const net = new Map<string, number>();
  const moves: Flow[] = [];
  for (const f of flows) {
    if (f.from === 'stock:start') net.set(f.to, (net.get(f.to) ?? 0) - mean(f.per_day));
    else if (f.to === 'stock:end') net.set(f.from, (net.get(f.from) ?? 0) + mean(f.per_day));
    else if (mean(f.per_day) > 0 && f.from !== f.to) moves.push(f);
  }
  const back = backEdges(moves);
  const band = (source: string, target: string, f: Flow) => {
    const all = mean(f.per_day),
      delayed = Math.min(all, mean(f.delayed_per_day));
    const edge = `${f.from}->${f.to}`;
    if (all - delayed > 0) links.push({ source, target, value: all - delayed, delayed: false, edge });
    if (delayed > 0) links.push({ source, target, value: delayed, delayed: true, edge });
  };
  moves.forEach((f, i) => {
    const delayed = f.delayed_per_day && mean(f.delayed_per_day) > 0 ? f.delayed_per_day : null;
    rows.push({ edge: `${f.from}->${f.to}`, from: f.from, to: f.to, perDay: f.per_day, value: mean(f.per_day), delayed });
    if (!back.has(i)) return band(f.from, f.to, f);
    const unit = f.to.slice(f.to.indexOf(':') + 1);
    band(f.from, `back:${unit}`, f);
    band(`again:${unit}`, f.to, f);
  });
  // Means of replications that balance exactly differ from zero only by rounding.
  for (const [unit, d] of net) {
    if (Math.abs(d) < 1e-9) continue;
    const [source, target] = d > 0 ? [unit, 'stock:more'] : ['stock:fewer', unit];
    const edge = `${source}->${target}`;
    links.push({ source, target, value: Math.abs(d), delayed: false, edge });
    rows.push({ edge, from: source, to: target, perDay: null, value: Math.abs(d), delayed: null });
  }
  const ids = [...new Set(links.flatMap((l) => [l.source, l.target]))];
  return { nodes: ids.map((id) => ({ id, kind: kindOf(id), label: nodeLabel(id, labels) })), links, rows };
}
