/**
 * The CLI's commands and options as one typed table: parsing, `--help` text and the
 * README are all generated from it, so they cannot drift apart.
 */
import { ATTACH, SET, ADJUST, SEED, WORKERS, TABLES, JOURNAL, out, report, quiet, type OptionSpec } from './shared-options.js';

export type { OptionType, OptionSpec } from './shared-options.js';

export interface PositionalSpec {
  name: string;
  describe: string;
  array?: boolean;
}

export interface CommandSpec {
  name: string;
  /** yargs command string: name plus <required> and [optional] positionals. */
  usage: string;
  describe: string;
  positionals: PositionalSpec[];
  options: OptionSpec[];
  examples: [string, string][];
}

export const COMMANDS: CommandSpec[] = [
  {
    name: 'run',
    usage: 'run <file>',
    describe: 'Run a scenario: every strategy, many replications, results with 95% CIs',
    positionals: [{ name: 'file', describe: 'Scenario file (.yaml)' }],
    options: [
      {
        name: 'reps',
        alias: 'n',
        type: 'string',
        value: 'N|auto',
        describe: 'Replications per strategy, or auto (until every headline KPI is within 5%)',
      },
      { name: 'max-reps', type: 'number', value: 'N', describe: 'Most replications for auto' },
      SEED,
      WORKERS,
      out('Write the results file (JSON)'),
      ...TABLES,
      report('Write the HTML dashboard after the run'),
      ...ATTACH,
      SET,
      {
        name: 'only',
        type: 'string',
        value: 'A,B',
        describe: 'Run only these strategies or sweep points (comma-separated); baseline always runs',
      },
      ADJUST,
      { name: 'shard', type: 'string', value: 'i/n', describe: 'Run only replications r with r mod n = i (one machine of n)' },
      {
        name: 'shards',
        alias: 'shard-count',
        type: 'number',
        value: 'N',
        describe: 'Shard count; the index comes from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID',
      },
      { name: 'resume', type: 'boolean', default: false, describe: 'Continue an interrupted run from its journal (none there: start)' },
      { name: 'fresh', type: 'boolean', default: false, describe: 'Discard the journal of an unfinished run and start again' },
      JOURNAL,
      {
        name: 'max-memory',
        type: 'number',
        value: 'MIB',
        describe: 'Memory limit per worker (its heap, and separately its patient records); a replication beyond it fails alone',
      },
      quiet('No progress output and no summary table'),
    ],
    examples: [
      ['caresim run scenario.yaml --out results.json', 'Run with the replications and seed the file gives'],
      ['caresim run scenario.yaml --reps auto --csv out/', 'Run until the CIs are tight; write CSV tables'],
      [
        'caresim run scenario.yaml --set units.acute.capacity=2100 --set params.frail_crisis=1.5/year',
        'Try other values without editing the file',
      ],
      ['caresim run scenario.yaml --shard 0/4 --out shard-0.json', 'Run one quarter of the replications (then caresim merge)'],
      ['caresim run scenario.yaml --out results.json --resume', 'Continue a run that was interrupted'],
      ['caresim run scenario.yaml --only p2-plus,ucr-plus', 'Run the baseline and two strategies only'],
    ],
  },
  {
    name: 'check',
    usage: 'check <file>',
    describe: 'Check a scenario and print every problem found (nothing runs)',
    positionals: [{ name: 'file', describe: 'Scenario file (.yaml)' }],
    options: [SET],
    examples: [['caresim check scenario.yaml', 'Exit 0 when the scenario is valid, 2 with diagnostics otherwise']],
  },
  {
    name: 'merge',
    usage: 'merge <shards..>',
    describe: 'Combine shard outputs into the result of a single run',
    positionals: [{ name: 'shards', describe: 'Shard output files (from run --shard)', array: true }],
    options: [out('Write the merged results file (JSON)'), ...TABLES, ADJUST, quiet('No summary table')],
    examples: [['caresim merge shard-*.json --out results.json', 'Merge the outputs of all shards']],
  },
  {
    name: 'compare',
    usage: 'compare <results> <observed>',
    describe: 'Is the baseline right? Observed daily series against the simulated bands',
    positionals: [
      { name: 'results', describe: 'Results file (.json) from caresim run' },
      { name: 'observed', describe: 'Observed daily series (.csv): date,series,value or date,<unit>.<series>,...' },
    ],
    options: [
      { name: 'strategy', type: 'string', value: 'NAME', describe: 'Strategy to compare with (default: baseline)' },
      out('Write the numbers (JSON)'),
      report('Write an HTML page with a chart per series'),
      {
        name: 'fail-on-mismatch',
        type: 'boolean',
        default: false,
        describe: 'Exit 1 when a series does not match the model (for scripts and CI)',
      },
      quiet('No table on stdout'),
    ],
    examples: [
      ['caresim compare results.json observed.csv', 'Coverage of the simulated band, mean error and a verdict per series'],
      [
        'caresim compare results.json observed.csv --report compare.html --out compare.json',
        'Also a chart per series and the numbers as JSON',
      ],
    ],
  },
  {
    name: 'init',
    usage: 'init [dir]',
    describe: 'Write a starter scenario (scenario.yaml) to edit',
    positionals: [{ name: 'dir', describe: 'Folder to write into (default: the current one)' }],
    options: [{ name: 'force', type: 'boolean', default: false, describe: 'Overwrite an existing scenario.yaml' }],
    examples: [['caresim init my-ics', 'Creates my-ics/scenario.yaml']],
  },
  {
    name: 'schema',
    usage: 'schema',
    describe: 'Print the JSON Schema of the scenario format (for editors)',
    positionals: [],
    options: [out('Write it to FILE instead')],
    examples: [['caresim schema --out caresim.schema.json', 'Save the schema for editor validation']],
  },
  {
    name: 'help',
    usage: 'help [topic] [key]',
    describe: 'Help on a topic: `help scenario [key]` explains the scenario format',
    positionals: [
      { name: 'topic', describe: 'scenario, or a command name' },
      { name: 'key', describe: 'A scenario key path, e.g. units.capacity' },
    ],
    options: [],
    examples: [
      ['caresim help scenario', 'The scenario format'],
      ['caresim help scenario units.queue', 'One key'],
    ],
  },
  {
    name: 'report',
    usage: 'report <results>',
    describe: 'Write the self-contained HTML dashboard of a results file',
    positionals: [{ name: 'results', describe: 'Results file (.json)' }],
    options: [
      out('HTML file to write (default: report.html, unless only --csv or --xlsx is given)'),
      { name: 'csv', type: 'string', value: 'DIR', describe: 'Also write the results as tidy CSV files into DIR' },
      { name: 'xlsx', type: 'string', value: 'FILE', describe: 'Also write the results as one Excel workbook (a sheet per CSV table)' },
      ...ATTACH,
    ],
    examples: [
      ['caresim report results.json --out report.html', 'A dashboard that opens offline'],
      ['caresim report results.json --xlsx results.xlsx', 'Only the Excel workbook of an earlier run'],
      ['caresim report results.json --optimise opt.json --sensitivity sens.json', 'With the cheapest plan and the one-at-a-time tornado'],
    ],
  },
  {
    name: 'diff',
    usage: 'diff <a> <b>',
    describe: "Compare two results files (e.g. this year's plan against last year's): KPIs, units and costs of each strategy in both",
    positionals: [
      { name: 'a', describe: 'Results file (.json): the reference, e.g. last year' },
      { name: 'b', describe: 'Results file (.json) to compare with it' },
    ],
    options: [
      out('Write the comparison as JSON'),
      { name: 'csv', type: 'string', value: 'FILE', describe: 'Write the comparison as one CSV table' },
      quiet('No table on stdout'),
    ],
    examples: [
      ['caresim diff plan-2026.json plan-2027.json', 'Headline KPIs of each common strategy: a, b, b - a with its CI'],
      ['caresim diff a.json b.json --out diff.json --csv diff.csv', 'Every KPI, unit metric and cost, as JSON and CSV'],
    ],
  },
  {
    name: 'view',
    usage: 'view [file]',
    describe: 'Open the local viewer (results file, or scenario with sliders)',
    positionals: [{ name: 'file', describe: 'Results (.json) or scenario (.yaml)' }],
    options: [
      { name: 'port', alias: 'p', type: 'number', value: 'PORT', describe: 'Port on 127.0.0.1 (default: a free one)' },
      { name: 'open', type: 'boolean', default: true, describe: 'Open a browser (--no-open to not)' },
    ],
    examples: [
      ['caresim view scenario.yaml', 'Move sliders; the model re-runs in the browser'],
      ['caresim view results.json --no-open', 'Serve a finished run'],
    ],
  },
  {
    name: 'fit',
    usage: 'fit <files..>',
    describe: 'Fit lengths of stay, hand-offs, routing and arrival rates from extracts (CSV or .xlsx) into a scenario fragment',
    positionals: [
      {
        name: 'files',
        describe: 'Extracts: stays (unit, admitted, discharged, ready?, destination?, cohort?) or counts (date, count, stream?)',
        array: true,
      },
    ],
    options: [
      out('Write the scenario fragment (YAML) to FILE (default: stdout)'),
      report('Write an HTML page with every fit drawn (Kaplan-Meier and Q-Q plots)'),
      {
        name: 'col',
        type: 'array',
        value: 'FIELD=HEADER',
        describe: 'Read a field from a column with another name, e.g. admitted=AdmitDate (repeatable)',
      },
      {
        name: 'end',
        type: 'string',
        value: 'DATE',
        describe: 'End of the extract: stays with no discharge are censored here (default: the latest date in the file)',
      },
      { name: 'seed', type: 'string', value: 'S', describe: 'Seed of the goodness-of-fit bootstrap', default: '1' },
      {
        name: 'bootstrap',
        type: 'number',
        value: 'N',
        describe: 'Bootstrap replicates of each goodness-of-fit test (fewer than 99 cannot reject at 1%)',
        default: 99,
      },
      quiet('No summary (bad rows are still listed)'),
    ],
    examples: [
      [
        'caresim fit stays.csv counts.csv --out fitted.yaml --report fit.html',
        'Fit both extracts; a scenario then says `extends: fitted.yaml`',
      ],
      ['caresim fit spells.xlsx --col admitted=AdmitDate --col discharged=DischDate --col unit=Ward', 'Map the columns of an extract'],
    ],
  },
  {
    name: 'optimise',
    usage: 'optimise <file>',
    describe: "Find the cheapest plan that meets the targets of the scenario's `optimise:` section, with stated confidence",
    positionals: [{ name: 'file', describe: 'Scenario file (.yaml) with an `optimise:` section' }],
    options: [
      out('Write the optimisation file (JSON)'),
      report('Write an HTML page: the chosen plan, runners-up, trade-off chart and evidence'),
      { name: 'budget', type: 'number', value: 'N', describe: 'Replications to spend in all, search and clean-up (default 1000)' },
      SEED,
      WORKERS,
      SET,
      {
        name: 'resume',
        type: 'boolean',
        default: false,
        describe: 'Continue an interrupted optimisation from its journal (none there: start)',
      },
      {
        name: 'fresh',
        type: 'boolean',
        default: false,
        describe: 'Discard the measurements of an interrupted optimisation and start again',
      },
      JOURNAL,
      quiet('No progress output and no summary'),
    ],
    examples: [
      [
        'caresim optimise scenario.yaml --out opt.json',
        'Search the `optimise.decide` ranges; write the chosen plan, runners-up and evidence',
      ],
      ['caresim optimise scenario.yaml --out opt.json --budget 3000', 'Spend more replications (3,000 in all)'],
      ['caresim optimise scenario.yaml --out opt.json --resume', 'Continue an interrupted search, with the options it was started with'],
    ],
  },
  {
    name: 'sensitivity',
    usage: 'sensitivity <file>',
    describe:
      'Which inputs drive the results: one-at-a-time low/high runs of every uncertain param on common random numbers, and PRCC from the draws',
    positionals: [{ name: 'file', describe: 'Scenario file (.yaml)' }],
    options: [
      out('Write the sensitivity file (JSON)'),
      report('Write an HTML page with a tornado chart per headline KPI'),
      { name: 'vary', type: 'array', value: 'NAME=PCT', describe: 'Also move a param by ± a share, e.g. p2_beds=10% (repeatable)' },
      {
        name: 'reps',
        alias: 'n',
        type: 'number',
        value: 'N',
        describe: "Replications per configuration (default: the scenario's; 50 for auto)",
      },
      SEED,
      WORKERS,
      SET,
      {
        name: 'resume',
        type: 'boolean',
        default: false,
        describe: 'Continue an interrupted analysis from its journal (none there: start)',
      },
      {
        name: 'fresh',
        type: 'boolean',
        default: false,
        describe: 'Discard the replications of an interrupted analysis and start again',
      },
      JOURNAL,
      quiet('No progress output and no summary'),
    ],
    examples: [
      ['caresim sensitivity scenario.yaml --out sens.json', 'Tornado of every uncertain param, and PRCC of every headline KPI'],
      ['caresim sensitivity scenario.yaml --vary p2_beds=10% --vary acute_beds=5%', 'Add params with a single value, moved by a share'],
      ['caresim sensitivity scenario.yaml --out sens.json --resume', 'Continue an interrupted analysis'],
    ],
  },
  {
    name: 'bench',
    usage: 'bench [args..]',
    describe: 'Run the benchmarks (node dist/bench.js)',
    positionals: [{ name: 'args', describe: 'Passed to the benchmark program', array: true }],
    options: [],
    examples: [['caresim bench', 'All benchmark suites']],
  },
  {
    name: 'start',
    usage: 'start',
    describe: 'Run the default ICS scenario and write out/results.json and out/report.html',
    positionals: [],
    options: [{ ...WORKERS, describe: 'Worker threads' }],
    examples: [['caresim start', 'The quickest way to see caresim work']],
  },
];

export const commandSpec = (name: string): CommandSpec | undefined => COMMANDS.find((c) => c.name === name);
