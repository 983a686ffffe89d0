/**
 * The whole board dashboard from one results file: the summary first (the answer on one
 * screen), then the detail: headline cards, any two compared, each strategy against
 * baseline, occupancy through time, waits, costs, population, the sweep and the methods.
 * Shared by the offline report and the live viewer, so both read the same way. Each section
 * is a function in its own file; the order below is the page's order.
 */
import type { Results } from '../results/index.js';
import { headlineSection } from './cards.js';
import { compareChart } from './charts/compare.js';
import { differenceRows, strategyNames } from './data.js';
import { strategyLabel } from './labels.js';
import { methodsSection } from './methods.js';
import { pathwaySection } from './pathway.js';
import { compareTwoSection } from './sections/compare-two.js';
import { costsSection } from './sections/costs.js';
import { economicsSection } from './sections/economics.js';
import { headerSection } from './sections/header.js';
import { occupancySection } from './sections/occupancy.js';
import { populationSection } from './sections/population.js';
import { section } from './sections/section.js';
import { sweepSection } from './sections/sweep.js';
import { waitsSection } from './sections/waits.js';
import { summarySection } from './summary.js';
import { globalSensitivitySection } from './global-sensitivity-section.js';
import { sensitivitySection } from './sensitivity-section.js';
import { optimiseSection } from './optimise-section.js';
import { warningsSection } from './warnings.js';

function comparisonSection(root: HTMLElement, r: Results): void {
  const diffs = differenceRows(r);
  if (diffs.length === 0) return;
  compareChart(
    section(
      root,
      'comparison',
      'Strategies against baseline',
      'Dots right of the line mean more of the measure than baseline; whiskers: 95% CI of the paired difference. Blue: better; vermillion: worse; grey: no clear difference.',
    ),
    diffs,
    'compare',
    (s) => strategyLabel(r, s),
  );
}

export function renderDashboard(root: HTMLElement, r: Results): void {
  const names = strategyNames(r);
  const colourOf = (s: string) => Math.max(0, names.indexOf(s));
  headerSection(root, r);
  summarySection(root, r, colourOf);
  warningsSection(root, r);
  headlineSection(section(root, 'headline', 'Headline results', ''), r, colourOf);
  compareTwoSection(root, r);
  comparisonSection(root, r);
  economicsSection(root, r);
  occupancySection(root, r, colourOf);
  pathwaySection(root, r);
  waitsSection(root, r, colourOf);
  costsSection(root, r, colourOf);
  populationSection(root, r, colourOf);
  sweepSection(root, r);
  globalSensitivitySection(root, r);
  sensitivitySection(root, r);
  optimiseSection(root, r);
  methodsSection(root, r);
}
