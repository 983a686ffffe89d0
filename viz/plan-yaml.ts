/**
 * "Save this plan": the viewer's slider settings as a strategy block to paste under the
 * scenario's `strategies:`. Only settings a scenario can say are written (levers and plain
 * capacities, as `set:` lines); a shifted capacity schedule or a cut in crisis rates is a
 * change to the compiled model the scenario language has no key for, so it is named as left
 * out rather than written wrongly.
 */
import type { Overrides } from './sliders.js';

export interface PlanBlock {
  /** The block, indented two spaces as under `strategies:`. */
  yaml: string;
  /** Settings that could not be written, in words. */
  leftOut: string[];
}

/** A strategy name the scenario accepts: letters, digits, `-` and `_`, starting with a letter. */
export function strategyName(text: string): string {
  const s = text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '');
  return s === '' || s === 'baseline' ? 'my-plan' : s;
}

/** A YAML double-quoted scalar (JSON's string syntax is a subset of it). */
const quoted = (text: string) => JSON.stringify(text);

export function planYaml(name: string, description: string, o: Overrides): PlanBlock {
  const set = o.set.map((s) => {
    const i = s.indexOf('=');
    return `      ${s.slice(0, i)}: ${s.slice(i + 1)}`;
  });
  const leftOut = [
    ...Object.entries(o.shifts).map(([unit, d]) => `units.${unit}.capacity: ${d > 0 ? '+' : ''}${d} on every step of its schedule`),
    ...(o.crisisFactor !== 1 ? [`crisis rates ${Math.round((1 - o.crisisFactor) * 100)}% lower`] : []),
  ];
  const lines = [`  ${strategyName(name)}:`, `    description: ${quoted(description.trim() || 'Saved from the live viewer')}`];
  lines.push(set.length > 0 ? '    set:' : '    set: {}', ...set);
  return { yaml: `${lines.join('\n')}\n`, leftOut };
}
