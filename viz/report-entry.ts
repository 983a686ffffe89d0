/** Browser entry of the offline report (bundled to dist/report.js and inlined). */
import type { Results } from '../results/index.js';
import { renderDashboard } from './dashboard.js';
import { DATA_ELEMENT_ID } from './html.js';

const data = document.getElementById(DATA_ELEMENT_ID);
const root = document.getElementById('report');
if (data && root) {
  const results = JSON.parse(data.textContent ?? '{}') as Results;
  renderDashboard(root, results);
  root.setAttribute('data-rendered', 'true');
}
