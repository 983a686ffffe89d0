/** The economic case and the verdicts of the results file (paired costs, funding arithmetic, verdicts, comparisons). */
export * from './comparisons.js';
export * from './fold-costs.js';
export * from './funding.js';
export * from './paired.js';
export * from './student-t.js';
export * from './verdict.js';
