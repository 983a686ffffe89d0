/**
 * Plain labels: the short human names a board reads instead of internal ones ("Acute beds"
 * for `acute`). Units, cohorts, staff groups and strategies carry a `label:` key; params,
 * whose section maps each name to its value, take theirs from the top-level `param_labels:`
 * map, so every existing `params: { name: number }` file stays valid. Sweep points get a
 * label built from the labels of what they sweep ("Home care packages: 1,950").
 */
import type { ScenarioLabels } from '../engine/index.js';
import type { Diagnostics } from './errors.js';
import { child, describeNode, type SNode } from './tree.js';
import { suggestName } from './suggest.js';

/** Longer than this is a sentence, not a label: say so (it would not fit a chart title). */
export const LABEL_MAX = 60;

const EXAMPLE = 'label: "Acute beds"';

/** A label's text, or undefined after reporting what is wrong with it. */
function labelText(node: SNode, path: string, diags: Diagnostics): string | undefined {
  if (node.kind !== 'scalar' || node.empty) {
    diags.error('wrong-type', node.loc, path, `a label is a short text, found ${describeNode(node)}`, {
      expected: 'a short text, e.g. "Acute beds"',
      hint: `write it on one line, in quotes if it holds \`:\` or \`#\`: \`${EXAMPLE}\``,
    });
    return undefined;
  }
  const text = node.text.trim();
  // YAML reads an unquoted ~ or null as no value: a label left out, not the text "null".
  if (text === '' || (!node.quoted && /^(~|null|Null|NULL)$/.test(text))) {
    diags.error('wrong-type', node.loc, path, 'the label is blank', { expected: 'a short text', hint: `e.g. \`${EXAMPLE}\`` });
    return undefined;
  }
  if (/[\r\n]/.test(text)) {
    diags.error('wrong-type', node.loc, path, 'the label runs over more than one line', {
      expected: 'a short text on one line',
      hint: `e.g. \`${EXAMPLE}\``,
    });
    return undefined;
  }
  if (text.length > LABEL_MAX) {
    diags.warn('long-label', node.loc, path, `the label has ${text.length} characters; charts cut labels beyond ${LABEL_MAX}`, {
      hint: 'keep it short and put the detail in `description`',
    });
  }
  return text;
}

/** `label:` of every entry of a named section (units, cohorts, staff, strategies). */
function sectionLabels(section: SNode | undefined, path: string, diags: Diagnostics): Record<string, string> {
  const out: Record<string, string> = {};
  if (section?.kind !== 'map') return out;
  for (const e of section.entries) {
    const node = child(e.value, 'label');
    if (!node) continue;
    const text = labelText(node, `${path}.${e.key}.label`, diags);
    if (text !== undefined) out[e.key] = text;
  }
  return out;
}

/** `param_labels:`: a map of param name to label; a name that is not a param is an error with a did-you-mean. */
function paramLabels(root: SNode, diags: Diagnostics): Record<string, string> {
  const out: Record<string, string> = {};
  const node = child(root, 'param_labels');
  if (node?.kind !== 'map') return out;
  const params = child(root, 'params');
  const names = params?.kind === 'map' ? params.entries.map((e) => e.key) : [];
  for (const e of node.entries) {
    const path = `param_labels.${e.key}`;
    if (!names.includes(e.key)) {
      diags.error('unknown-name', e.keyLoc, path, `\`${e.key}\` is not a param`, {
        expected: names.length > 0 ? 'the name of a param under `params:`' : 'a `params:` section with this param',
        hint: suggestName(e.key, names) ?? 'label only the params the scenario declares',
      });
      continue;
    }
    const text = labelText(e.value, path, diags);
    if (text !== undefined) out[e.key] = text;
  }
  return out;
}

/** Every label of a scenario (only names that have one); errors and warnings go to `diags`. */
export function readLabels(root: SNode, diags: Diagnostics): ScenarioLabels {
  const out: ScenarioLabels = {};
  const put = (k: keyof ScenarioLabels, v: Record<string, string>) => {
    if (Object.keys(v).length > 0) out[k] = v;
  };
  put('units', sectionLabels(child(root, 'units'), 'units', diags));
  put('cohorts', sectionLabels(child(child(root, 'population'), 'cohorts'), 'population.cohorts', diags));
  put('strategies', sectionLabels(child(root, 'strategies'), 'strategies', diags));
  put('params', paramLabels(root, diags));
  put('staff', sectionLabels(child(root, 'staff'), 'staff', diags));
  return out;
}

/** A number as a board reads it: thousands grouped with commas, decimals as they are. */
export function plainNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const [whole, frac] = String(Math.abs(v)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (v < 0 ? '-' : '') + grouped + (frac ? `.${frac}` : '');
}

/** What a swept path reads as, from the labels: `params.x` its param's label, `units.u.capacity` "<unit label> capacity". */
function pathLabel(path: string, labels: ScenarioLabels): string | undefined {
  const [head, name, ...rest] = path.split('.');
  const key = rest.join(' ').replace(/_/g, ' ');
  const named = (l: Record<string, string> | undefined) => (name !== undefined ? l?.[name] : undefined);
  if (head === 'params' && rest.length === 0) return named(labels.params);
  const base =
    head === 'units'
      ? named(labels.units)
      : head === 'staff'
        ? named(labels.staff)
        : head === 'population' && name === 'cohorts'
          ? labels.cohorts?.[rest[0]]
          : undefined;
  if (base === undefined) return undefined;
  const tail = head === 'population' ? rest.slice(1).join(' ').replace(/_/g, ' ') : key;
  return tail ? `${base} ${tail}` : base;
}

/**
 * A sweep point's label ("Home care packages: 1,950"), or undefined when some swept path has
 * no label to build it from (the point keeps its name).
 */
export function sweepLabel(values: Record<string, number>, labels: ScenarioLabels): string | undefined {
  const parts: string[] = [];
  for (const [path, v] of Object.entries(values)) {
    const l = pathLabel(path, labels);
    if (l === undefined) return undefined;
    parts.push(`${l}: ${plainNumber(v)}`);
  }
  return parts.length > 0 ? parts.join(', ') : undefined;
}
