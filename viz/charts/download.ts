/**
 * Take-away: every chart downloads as an SVG (the drawing itself, with the report's styles
 * inlined so it looks the same in a slide or a paper) and as a PNG (the SVG drawn on a canvas
 * at twice its size). All in the page: the report works offline and sends nothing anywhere.
 */
import type { Selection } from 'd3';
import { STYLES } from '../styles.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The chart's SVG as a standalone file: namespace, size, white background and styles. */
export function svgText(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const [, , w, h] = (svg.getAttribute('viewBox') ?? '0 0 540 260').split(/\s+/).map(Number);
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(w));
  clone.setAttribute('height', String(h));
  clone.removeAttribute('style');
  const style = document.createElementNS(SVG_NS, 'style');
  // Only the rules charts use; the page's own layout rules would be noise in a slide.
  style.textContent = STYLES.split('\n')
    .filter((l) =>
      /^\s*(\.(axis|band|mean|sweep|capacity|point|zero|whisker|warmup|panel|row-label|ref|range|chart)|rect\.mark|text)/.test(l),
    )
    .join('\n');
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  clone.insertBefore(bg, clone.firstChild);
  clone.insertBefore(style, clone.firstChild);
  // A hidden series (the strategy picker) stays hidden in the file.
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(clone);
}

function save(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

export function downloadSvg(svg: SVGSVGElement, name: string): void {
  save(new Blob([svgText(svg)], { type: 'image/svg+xml' }), `${name}.svg`);
}

export function downloadPng(svg: SVGSVGElement, name: string, scale = 2): void {
  const text = svgText(svg);
  const [, , w, h] = (svg.getAttribute('viewBox') ?? '0 0 540 260').split(/\s+/).map(Number);
  const img = new Image();
  img.onload = () => {
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(h * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, w, h);
    canvas.toBlob((b) => {
      if (b) save(b, `${name}.png`);
    }, 'image/png');
  };
  img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(text);
}

/** The two buttons under a chart's caption. */
export function downloadButtons(figure: Selection<HTMLElement, unknown, null, undefined>, name: string): void {
  const bar = figure.append('div').attr('class', 'downloads');
  const svgOf = () => figure.select<SVGSVGElement>('svg[role=img]').node()!;
  bar
    .append('button')
    .attr('type', 'button')
    .attr('class', 'download-svg')
    .text('Download SVG')
    .on('click', () => downloadSvg(svgOf(), name));
  bar
    .append('button')
    .attr('type', 'button')
    .attr('class', 'download-png')
    .text('Download PNG')
    .on('click', () => downloadPng(svgOf(), name));
}
