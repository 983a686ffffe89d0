import { describe, expect, it } from 'vitest';
import { npmHint } from '../../cli/npm-hint.js';

const start = {
  npm_lifecycle_event: 'start',
  npm_lifecycle_script: 'npm run build --silent && node dist/cli.js run scenarios/library/ics-default.yaml',
};

describe('npmHint(text, env)', () => {
  const refusal =
    'caresim: out/results.json.journal.ndjson holds the journal of an unfinished run: continue it with --resume, or discard it and start again with --fresh\n';

  it('under `npm start`, says how to pass --resume and --fresh through npm', () => {
    expect(npmHint(refusal, start)).toBe(
      `${refusal}caresim: under npm, caresim's options go after --: npm start -- --resume, or npm start -- --fresh\n`,
    );
  });

  it('names another script with npm run, and adds only the flags the message names', () => {
    const text = 'caresim: interrupted; 6 finished replication(s) kept in j. Continue with the same command and --resume.\n';
    expect(npmHint(text, { npm_lifecycle_event: 'demo', npm_lifecycle_script: 'caresim run demo.yaml' })).toBe(
      `${text}caresim: under npm, caresim's options go after --: npm run demo -- --resume\n`,
    );
  });

  it('leaves a message alone outside npm, and one that names neither flag', () => {
    expect(npmHint(refusal, {})).toBe(refusal);
    // `npm test` runs a test runner that starts caresim: its options are the tests' own.
    expect(npmHint(refusal, { npm_lifecycle_event: 'test', npm_lifecycle_script: 'npm run build --silent && vitest run' })).toBe(refusal);
    const other = 'caresim: wrote out/results.json\n';
    expect(npmHint(other, start)).toBe(other);
    // Progress lines and diagnostics are not caresim's advice to the user.
    const progress = '{"type":"progress","done":1,"note":"--resume"}\n';
    expect(npmHint(progress, start)).toBe(progress);
  });
});
