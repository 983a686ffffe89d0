/**
 * The scenario fragment: YAML in caresim's own syntax, ready for `extends:` (a scenario that
 * adds `caresim`, `time`, each unit's `kind` and `capacity`) or to paste from. Every value has
 * a comment with its n, its fit statistic and the dates it comes from, so a reviewer can see
 * what each number rests on.
 */
import type { UnitFit, StreamFit, Fitted } from './analyse.js';
import type { ArrivalFit } from './arrivals.js';
import { distText } from './dist-text.js';
import { isoDate } from './dates.js';
import { Names, commentName } from './names.js';
import { int, pct, sig } from './format.js';
import { wilson } from '../results/index.js';
import { BUILTIN_EXITS } from '../scenarios/index.js';

export interface SourceInfo {
  file: string;
  kind: 'stays' | 'counts';
  rows: number;
  used: number;
  bad: number;
}

export interface FragmentInput {
  sources: SourceInfo[];
  units: UnitFit[];
  streams: StreamFit[];
}

/** Streams whose admissions are mostly transfers from other units of the extract get no source of their own. */
const TRANSFER_SHARE_LIMIT = 0.9;

function fitComment(f: Fitted, what: string, range: string): string[] {
  const d = f.fit;
  const lines = [`${what}: n = ${int(d.n)}${d.censored ? ` (${int(d.censored)} still in: right-censored)` : ''}, ${range}`];
  if (d.ranked.length) lines.push(`AIC weights: ${d.ranked.map((r) => `${r.family.name} ${sig(r.weight, 2)}`).join(', ')}`);
  const c = d.chosen;
  if (c)
    lines.push(
      `${c.family.name} mean ${sig(c.mean)} days (95% CI ${sig(c.meanLo)}-${sig(c.meanHi)}); ${Object.entries(c.family.describe(c.p))
        .map(([k, v]) => `${k} ${sig(v, 4)}`)
        .join(', ')}`,
    );
  if (d.gof)
    lines.push(
      `max |Kaplan-Meier - fitted S| = ${sig(d.gof.distance, 2)}, bootstrap p = ${sig(d.gof.p, 2)} (${d.gof.replicates} replicates)`,
    );
  if (f.zeros) {
    const halfDays = f.zeros - f.zerosTimed;
    const as = [
      halfDays ? `${f.zerosTimed ? `${int(halfDays)} ` : ''}as half a day (dates without times)` : '',
      f.zerosTimed ? `${halfDays ? `${int(f.zerosTimed)} ` : ''}as one minute` : '',
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(`${int(f.zeros)} of zero length (ended when they began), counted ${as}: continuous families cannot fit zeros`);
  }
  for (const n of d.notes) lines.push(`note: ${n}`);
  if (c?.family.name === 'loglogistic')
    lines.push('note: caresim has no log-logistic distribution: written as 100 quantiles of the fit (no parameter uncertainty)');
  return lines;
}

const range = (first: number, last: number) => `${isoDate(first)} to ${isoDate(last)}`;

/** Seasonality goes into the model only when its interval excludes zero. */
const seasonal = (a: ArrivalFit): boolean => a.season !== null && a.season.lo > 0;

function profileText(a: ArrivalFit): string | null {
  const parts: string[] = [];
  if (a.weekday) parts.push(`weekday: [${a.weekday.map((x) => sig(x, 3)).join(', ')}]`);
  if (a.hour) parts.push(`hour: [${a.hour.map((x) => sig(x, 3)).join(', ')}]`);
  return parts.length ? `{ ${parts.join(', ')} }` : null;
}

function arrivalComments(a: ArrivalFit): string[] {
  const out = [
    `${int(a.total)} arrivals over ${int(a.days)} days, ${range(a.first, a.last)}; mean ${sig(a.rate)}/day (95% CI ${sig(a.rateLo)}-${sig(a.rateHi)}, quasi-Poisson, dispersion ${sig(a.dispersion, 3)})`,
  ];
  if (a.weekday)
    out.push('weekday profile: Poisson regression of daily counts on weekday (and season and trend when fitted), Monday..Sunday, mean 1');
  if (a.hour) out.push('hour profile: share of arrivals in each hour of the day x 24');
  if (a.season) {
    out.push(
      `seasonality: amplitude ${pct(a.season.amplitude)} (95% CI ${pct(a.season.lo)}-${pct(a.season.hi)}), peak ${isoDate(a.season.peak)}. caresim applies seasonality to a plain source`,
    );
    out.push(
      `  with \`seasonal: true\` and population: { seasonality: { peak: ${isoDate(a.season.peak)}, amplitude: ${pct(a.season.amplitude)} } } in a model that has a population`,
    );
  }
  if (a.trend)
    out.push(
      `trend: ${a.trend.perYear >= 0 ? '+' : ''}${pct(a.trend.perYear)} a year (95% CI ${pct(a.trend.lo)} to ${pct(a.trend.hi)}); the rate above is the mean over the extract (plain sources have no trend: scale the rate to the year modelled)`,
    );
  for (const n of a.notes) out.push(`note: ${n}`);
  return out;
}

export function writeFragment(input: FragmentInput): string {
  const names = new Names();
  for (const u of input.units) names.get(u.name);
  const unitNames = new Set(input.units.map((u) => names.get(u.name)));
  const dest = (d: string) => names.get(d);
  for (const u of input.units) {
    for (const d of u.routing.keys()) dest(d);
    for (const k of u.routingByCohort) for (const d of k.counts.keys()) dest(d);
    for (const h of u.handoff) dest(h.destination);
  }
  for (const s of input.streams) names.get(s.name);
  // A cohort named like a unit or destination would make a route ambiguous (`next: { rest: ... }`
  // read as per cohort), so cohorts take names of their own.
  const cohortNames = new Names(names.values());
  const params: string[] = [];
  const arrivals: string[] = [];
  const units: string[] = [];
  const exits = new Set<string>();
  const seasons: ArrivalFit[] = [];
  const cohorts = new Set<string>();
  for (const u of input.units) for (const k of u.cohortMix.keys()) cohorts.add(cohortNames.get(k));
  // With a population section every plain source needs a cohort (by default they are shared in
  // proportion to people, and these cohorts have none): streams of unknown cohort get `all`.
  const withPopulation =
    cohorts.size > 0 || input.units.some((u) => seasonal(u.arrivals)) || input.streams.some((x) => seasonal(x.arrivals));
  let needAll = false;
  const c = (lines: string[], indent: string) => lines.map((l) => `${indent}# ${l}`);
  // Generated keys are unique even when extract names meet (unit `a` cohort `b` and unit `a_b`).
  const usedParams = new Set<string>(),
    usedArrivals = new Set<string>();
  const unique = (used: Set<string>, base: string): string => {
    let v = base;
    for (let k = 2; used.has(v); k++) v = `${base}_${k}`;
    used.add(v);
    return v;
  };
  const pn = (base: string) => unique(usedParams, base);
  for (const s of input.streams) usedArrivals.add(names.get(s.name));

  for (const u of input.units) {
    const un = names.get(u.name);
    const span = range(u.first, u.end);
    const body: string[] = [];
    // Length of stay, overall and per cohort.
    const los = distText(u.los.fit, pn(`${un}_los_mean`));
    if (!los) body.push(...c(fitComment(u.los, 'length of stay', span), '    '));
    else {
      if (los.param) params.push(...c(fitComment(u.los, `${un} length of stay`, span), '  '), `  ${los.param.name}: ${los.param.expr}`);
      const cohortTexts = u.cohorts
        .map((k) => ({ k, t: distText(k.los.fit, pn(`${un}_${cohortNames.get(k.name)}_los_mean`)) }))
        .filter((x) => x.t);
      body.push(...c(fitComment(u.los, 'length of stay', span), '    '));
      if (cohortTexts.length === 0) body.push(`    los: ${los.expr}`);
      else {
        body.push('    los:', `      default: ${los.expr}`);
        for (const { k, t } of cohortTexts) {
          if (t!.param)
            params.push(
              ...c(fitComment(k.los, `${un} length of stay, cohort ${commentName(k.name)}`, span), '  '),
              `  ${t!.param.name}: ${t!.param.expr}`,
            );
          body.push(
            ...c(fitComment(k.los, `cohort ${commentName(k.name)}`, span), '      '),
            `      ${cohortNames.get(k.name)}: ${t!.expr}`,
          );
        }
      }
    }
    // Routing.
    const total = [...u.routing.values()].reduce((a, b) => a + b, 0);
    if (total > 0) {
      const route = (m: Map<string, number>) => {
        const n = [...m.values()].reduce((a, b) => a + b, 0);
        const entries = [...m].sort((a, b) => b[1] - a[1]);
        for (const [d] of entries) if (!unitNames.has(dest(d)) && !BUILTIN_EXITS.includes(dest(d))) exits.add(dest(d));
        return { n, text: `{ ${entries.map(([d, k], i) => `${dest(d)}: ${i === 0 ? 'rest' : pct(k / n, 2)}`).join(', ')} }` };
      };
      const all = route(u.routing);
      const share = [...u.routing]
        .sort((a, b) => b[1] - a[1])
        .map(([d, k]) => {
          const [lo, hi] = wilson(k / all.n, all.n);
          return `${dest(d)} ${int(k)}, 95% CI ${pct(lo)}-${pct(hi)}`;
        })
        .join('; ');
      body.push(`    # routing: ${int(all.n)} finished stays with a destination (${share}), ${span}`);
      if (u.routingByCohort.length === 0) body.push(`    next: ${all.text}`);
      else {
        body.push('    next:', `      default: ${all.text}`);
        for (const k of u.routingByCohort) {
          const r = route(k.counts);
          body.push(`      ${cohortNames.get(k.name)}: ${r.text}   # n = ${int(r.n)}`);
        }
      }
    }
    // Hand-offs.
    const hand = u.handoff.map((h) => ({ h, t: distText(h.los.fit, pn(`${un}_${dest(h.destination)}_handoff_mean`)) })).filter((x) => x.t);
    if (hand.length) {
      body.push(
        '    # hand-off: ready to discharge. It includes any wait for a place downstream: where the model also limits',
        '    # that capacity, the wait is counted twice (fit it on a period without such waits, or read it as an upper bound)',
      );
      body.push('    handoff:');
      for (const { h, t } of hand) {
        if (t!.param)
          params.push(
            ...c(fitComment(h.los, `${un} hand-off to ${commentName(h.destination)}`, span), '  '),
            `  ${t!.param.name}: ${t!.param.expr}`,
          );
        body.push(...c(fitComment(h.los, `to ${commentName(h.destination)}`, span), '      '), `      ${dest(h.destination)}: ${t!.expr}`);
      }
    }
    units.push(`  ${un}:${u.name !== un ? `   # "${commentName(u.name)}" in the extract` : ''}`, ...body);
    // Arrivals.
    const a = u.arrivals;
    const outside = a.total - u.transfersIn;
    if (a.total > 0 && u.transfersIn / a.total < TRANSFER_SHARE_LIMIT) {
      const f = outside / a.total;
      const p = pn(`${un}_arrivals`),
        key = unique(usedArrivals, `${un}_admissions`);
      params.push(...c(arrivalComments(a), '  '));
      if (u.transfersIn > 0)
        params.push(`  # ${int(u.transfersIn)} admissions (${pct(1 - f)}) came from other units of the extract: the rate counts the rest`);
      params.push(`  ${p}: uniform(${sig(a.rateLo * f)}/day, ${sig(a.rateHi * f)}/day)`);
      const prof = profileText(a);
      arrivals.push(`  ${key}:`, `    # mean ${sig(a.rate * f)}/day, ${range(a.first, a.last)}`, `    rate: ${p}`);
      if (prof) arrivals.push(`    profile: ${prof}`);
      if (seasonal(a)) {
        arrivals.push('    seasonal: true');
        seasons.push(a);
      }
      const mix = [...u.cohortMix].sort((x, y) => y[1] - x[1]);
      const mixN = mix.reduce((x, [, k]) => x + k, 0);
      if (mix.length)
        arrivals.push(
          `    cohort: { ${mix.map(([k, n], i) => `${cohortNames.get(k)}: ${i === 0 ? 'rest' : pct(n / mixN, 2)}`).join(', ')} }   # n = ${int(mixN)} admissions with a cohort`,
        );
      else if (withPopulation) {
        arrivals.push('    cohort: all');
        needAll = true;
      }
      arrivals.push(`    to: ${un}`);
    } else if (a.total > 0) {
      units.push(
        `    # no arrival stream: ${pct(u.transfersIn / a.total)} of its ${int(a.total)} admissions came from other units of the extract`,
      );
    }
  }
  for (const s of input.streams) {
    const sn = names.get(s.name),
      a = s.arrivals,
      p = pn(`${sn}_rate`);
    params.push(...c(arrivalComments(a), '  '), `  ${p}: uniform(${sig(a.rateLo)}/day, ${sig(a.rateHi)}/day)`);
    arrivals.push(`  ${sn}:`, `    # mean ${sig(a.rate)}/day, ${range(a.first, a.last)}; add \`to:\` (the first unit)`, `    rate: ${p}`);
    const prof = profileText(a);
    if (prof) arrivals.push(`    profile: ${prof}`);
    if (seasonal(a)) {
      arrivals.push('    seasonal: true');
      seasons.push(a);
    }
    if (withPopulation) {
      arrivals.push('    cohort: all');
      needAll = true;
    }
  }

  const head = [
    '# Scenario fragment written by `caresim fit` from:',
    ...input.sources.map(
      (s) =>
        `#   ${commentName(s.file)}: ${s.kind}, ${int(s.used)} rows used of ${int(s.rows)}${s.bad ? ` (${int(s.bad)} bad rows, not used)` : ''}`,
    ),
    "# Use it with `extends:` from a scenario that adds caresim, time, and each unit's kind and capacity",
    '# (maps merge key by key), or paste the parts you need. Params hold the 95% intervals of the',
    '# fitted means as uniform ranges: each replication draws its own value, so the results carry',
    '# the uncertainty of the data. Durations are in days; comments give n, the fit and the dates.',
  ];
  const out = [...head];
  if (withPopulation) {
    out.push('population:');
    if (seasons.length) {
      const s = seasons.reduce((a, b) => (b.total > a.total ? b : a));
      out.push(
        `  # from the stream with the most arrivals (${int(s.total)}, ${range(s.first, s.last)}): amplitude 95% CI ${pct(s.season!.lo)}-${pct(s.season!.hi)}; streams marked \`seasonal: true\` follow it`,
      );
      out.push(`  seasonality: { peak: ${isoDate(s.season!.peak)}, amplitude: ${pct(s.season!.amplitude)} }`);
    }
    const list = [...cohorts, ...(needAll && !cohorts.has('all') ? ['all'] : [])];
    if (list.length) {
      out.push(
        '  # cohorts of the extract, declared without people so the per-cohort values compile; a model with its',
        '  # own population gives them their people and rates (maps merge key by key)',
        '  cohorts:',
      );
      for (const k of list) out.push(`    ${k}: { people: 0, crisis: 0/year }`);
    }
  }
  if (params.length) out.push('params:', ...params);
  if (exits.size) out.push(`exits: [${[...exits].join(', ')}]   # destinations in the extract that are not units or built-in exits`);
  if (arrivals.length) out.push('arrivals:', ...arrivals);
  if (units.length) out.push('units:', ...units);
  return `${out.join('\n')}\n`;
}
