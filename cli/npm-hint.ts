/**
 * Under an npm script (`npm start`), options typed after the script's name go to npm, not to
 * caresim (`npm start --resume` sets npm's own `resume`): a message that tells the user to run
 * again with `--resume` or `--fresh` gains a line saying how to pass them through npm.
 */
export function npmHint(text: string, env: Record<string, string | undefined>): string {
  const script = env.npm_lifecycle_event;
  // Only where the script runs caresim itself: a script that runs something else (a test runner
  // starting caresim) passes no options of its own to caresim.
  if (!script || !/\bcli\.js\b|\bcaresim\b/.test(env.npm_lifecycle_script ?? '') || !text.startsWith('caresim: ')) return text;
  const flags = [...new Set(text.match(/--(?:resume|fresh)\b/g) ?? [])];
  if (flags.length === 0) return text;
  const run = script === 'start' || script === 'test' ? `npm ${script}` : `npm run ${script}`;
  const end = text.endsWith('\n') ? '' : '\n';
  return `${text}${end}caresim: under npm, caresim's options go after --: ${flags.map((f) => `${run} -- ${f}`).join(', or ')}\n`;
}
