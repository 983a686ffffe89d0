/**
 * The viewer's "Save this plan" panel: a name and a description, and the current slider
 * settings written as a strategy block (viz/plan-yaml.ts) to download or copy, then paste
 * under the scenario's `strategies:`.
 */
import { select } from 'd3';
import { planYaml, strategyName } from './plan-yaml.js';
import { overridesFor, type SliderDef } from './sliders.js';

export function buildSavePanel(host: HTMLElement, sliders: SliderDef[], values: () => Record<string, number>): void {
  const box = select(host).append('section').attr('class', 'save-plan').attr('aria-label', 'Save this plan');
  box.append('h2').text('Save this plan');
  box
    .append('p')
    .attr('class', 'intro')
    .text(
      'Writes the slider settings as a strategy to paste under `strategies:` in the scenario; `caresim run` then reproduces these figures with the same seed.',
    );
  const name = box.append('label').attr('for', 'plan-name');
  name.append('span').text('Name ');
  name.append('input').attr('id', 'plan-name').attr('type', 'text').property('value', 'my-plan');
  const desc = box.append('label').attr('for', 'plan-description');
  desc.append('span').text('Description ');
  desc.append('input').attr('id', 'plan-description').attr('type', 'text').attr('size', 50).property('value', '');
  const buttons = box.append('p');
  const save = buttons.append('button').attr('type', 'button').attr('id', 'save-plan').text('Save this plan');
  const copy = buttons.append('button').attr('type', 'button').attr('id', 'plan-copy').property('disabled', true).text('Copy to clipboard');
  const download = buttons.append('a').attr('id', 'plan-download').attr('hidden', true).text('Download YAML');
  const note = box.append('p').attr('id', 'plan-note').attr('role', 'status');
  const pre = box.append('pre').attr('id', 'plan-yaml').attr('hidden', true);
  let url: string | null = null;
  save.on('click', () => {
    const n = (host.querySelector('#plan-name') as HTMLInputElement).value;
    const d = (host.querySelector('#plan-description') as HTMLInputElement).value;
    const block = planYaml(n, d, overridesFor(sliders, values()));
    pre.attr('hidden', null).text(block.yaml);
    if (url) URL.revokeObjectURL(url);
    url = URL.createObjectURL(new Blob([block.yaml], { type: 'application/yaml' }));
    download
      .attr('hidden', null)
      .attr('href', url)
      .attr('download', `${strategyName(n)}.yaml`);
    copy.property('disabled', false);
    note.text(
      block.leftOut.length > 0
        ? `Left out (the scenario has no key for them; make them levers to save them): ${block.leftOut.join('; ')}.`
        : 'Paste it under `strategies:` in the scenario.',
    );
  });
  copy.on('click', () => {
    navigator.clipboard.writeText(pre.text()).then(
      () => note.text('Copied: paste it under `strategies:` in the scenario.'),
      () => note.text('The browser did not allow copying: select the text below and copy it, or download it.'),
    );
  });
}
