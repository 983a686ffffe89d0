/**
 * The optional `population` section to engine Cohorts, growth and seasonality. Without
 * it there is one cohort, `default`, with no people: patients come from plain sources.
 */
import type { Cohort, Population, Seasonality } from '../engine/index.js';
import type { SNode } from './tree.js';
import { child } from './tree.js';
import { readNumber } from './read.js';
import { readDateNode } from './schedule.js';
import { DAY, YEAR } from '../engine/index.js';
import type { Ctx } from './context.js';

/** Cohort names and people, needed before anything else compiles. */
export function cohortNames(root: SNode): string[] {
  const c = child(child(root, 'population'), 'cohorts');
  return c && c.kind === 'map' && c.entries.length > 0 ? c.entries.map((e) => e.key) : ['default'];
}

export interface PopulationPart {
  cohorts: Cohort[];
  population: Population | null;
  season: Seasonality | null;
}

export function compilePopulation(ctx: Ctx): PopulationPart | null {
  const pop = child(ctx.root, 'population');
  if (!pop || pop.kind !== 'map') {
    return { cohorts: [{ name: 'default', people: 0, crisis: 0, death: 0, becomes: [] }], population: null, season: null };
  }
  const env = ctx.env;
  let ok = true;
  const gNode = child(pop, 'growth');
  const growth = gNode ? readNumber(env, gNode, 'population.growth', 'signed-rate') : 0;
  let season: Seasonality | null = null;
  const sNode = child(pop, 'seasonality');
  if (sNode && sNode.kind === 'map') {
    const peak = readDateNode(ctx, child(sNode, 'peak'), 'population.seasonality.peak', sNode);
    const aNode = child(sNode, 'amplitude');
    const amp = aNode ? readNumber(env, aNode, 'population.seasonality.amplitude', 'probability') : null;
    if (peak === null || amp === null) ok = false;
    else season = { amplitude: amp, peak: (((peak * DAY - ctx.t0) % YEAR) + YEAR) % YEAR };
  }
  const cohorts: Cohort[] = [];
  const cNode = child(pop, 'cohorts');
  if (cNode && cNode.kind === 'map') {
    for (const e of cNode.entries) {
      const p = `population.cohorts.${e.key}`;
      const c = e.value;
      if (c.kind !== 'map') {
        ok = false;
        continue;
      }
      const read = (k: string, kind: 'count' | 'rate') => {
        const n = child(c, k);
        return n ? readNumber(env, n, `${p}.${k}`, kind) : kind === 'rate' && k === 'death' ? 0 : null;
      };
      const people = read('people', 'count'),
        crisis = read('crisis', 'rate'),
        death = read('death', 'rate');
      const becomes: { to: number; rate: number }[] = [];
      const bNode = child(c, 'becomes');
      if (bNode && bNode.kind === 'map') {
        for (const b of bNode.entries) {
          const to = ctx.cohorts.indexOf(b.key);
          if (to < 0 || b.key === e.key) {
            ctx.diags.error(
              'unknown-cohort',
              b.keyLoc,
              `${p}.becomes.${b.key}`,
              b.key === e.key ? 'a cohort cannot become itself' : `\`${b.key}\` is not a cohort`,
              {
                expected: `another cohort: ${ctx.cohorts
                  .filter((x) => x !== e.key)
                  .map((x) => `\`${x}\``)
                  .join(', ')}`,
              },
            );
            ok = false;
            continue;
          }
          const r = readNumber(env, b.value, `${p}.becomes.${b.key}`, 'rate');
          if (r === null) ok = false;
          else becomes.push({ to, rate: r });
        }
      }
      if (people === null || crisis === null || death === null) {
        ok = false;
        continue;
      }
      cohorts.push({ name: e.key, people, crisis, death, becomes });
    }
  }
  if (!ok || growth === null) return null;
  return { cohorts, population: { growth }, season };
}
