/**
 * The viewer's controls: one labelled range input per slider with its value shown, a
 * replications choice and a run button. Runs start when a slider is released (change),
 * not on every pixel of a drag.
 */
import { select } from 'd3';
import { formatPlain } from './format.js';
import { sliderDecimals, type SliderDef } from './sliders.js';

export interface Controls {
  values(): Record<string, number>;
  replications(): number;
}

/** Builds the controls into `host`, replacing what was there (a reloaded scenario may have other levers). */
export function buildControls(host: HTMLElement, sliders: SliderDef[], reps: number, onChange: () => void): Controls {
  host.replaceChildren();
  const form = select(host)
    .append('form')
    .attr('class', 'controls')
    .attr('aria-label', 'Plan settings')
    .on('submit', (e: Event) => {
      e.preventDefault();
      onChange();
    });
  for (const d of sliders) {
    const label = form.append('label').attr('for', `slider-${d.id}`);
    const head = label.append('span');
    head.append('span').text(`${d.label}: `);
    const out = head.append('output').attr('id', `out-${d.id}`).attr('for', `slider-${d.id}`);
    const places = sliderDecimals(d);
    const show = (v: number) =>
      out.text(`${formatPlain(v, places)}${d.suffix ? ` ${d.suffix}` : ''}${v === d.value && (d.unit || d.path) ? ' (as scenario)' : ''}`);
    show(d.value);
    label
      .append('input')
      .attr('type', 'range')
      .attr('id', `slider-${d.id}`)
      .attr('name', d.id)
      .attr('data-slider', d.id)
      .attr('min', d.min)
      .attr('max', d.max)
      .attr('step', d.step)
      .property('value', d.value)
      .on('input', function () {
        show(Number(this.value));
      })
      .on('change', onChange);
  }
  const rl = form.append('label').attr('for', 'replications');
  rl.append('span').text('Replications per run');
  const sel = rl.append('select').attr('id', 'replications').on('change', onChange);
  sel
    .selectAll('option')
    .data([...new Set([4, 8, reps, 16, 32])].sort((a, b) => a - b))
    .join('option')
    .attr('value', (n) => n)
    .property('selected', (n) => n === reps)
    .text((n) => String(n));
  form.append('button').attr('type', 'submit').text('Run again');
  return {
    values: () => Object.fromEntries(sliders.map((d) => [d.id, Number((host.querySelector(`#slider-${d.id}`) as HTMLInputElement).value)])),
    replications: () => Number((host.querySelector('#replications') as HTMLSelectElement).value),
  };
}
