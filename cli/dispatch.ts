/** Runs a parsed command; returns its exit code or a request to show generated help. */
import type { Command } from './parse.js';
import type { Io } from './io.js';

export async function dispatch(c: Command, io: Io): Promise<number | { helpFor: string[] }> {
  switch (c.cmd) {
    case 'run':
      return (await import('./commands/run.js')).runCommand(c, io);
    case 'check':
      return (await import('./commands/check.js')).checkCommand(c, io);
    case 'merge':
      return (await import('./commands/merge.js')).mergeCommand(c, io);
    case 'compare':
      return (await import('./commands/compare.js')).compareCommand(c, io);
    case 'init':
      return (await import('./commands/init.js')).initCommand(c, io);
    case 'schema':
      return (await import('./commands/info.js')).schemaCommand(c, io);
    case 'help':
      return (await import('./commands/info.js')).helpCommand(c, io);
    case 'diff':
      return (await import('./commands/diff.js')).diffCommand(c, io);
    case 'report':
      return (await import('./commands/viz.js')).reportCommand(c, io);
    case 'view':
      return (await import('./commands/viz.js')).viewCommand(c, io);
    case 'sensitivity':
      return (await import('./commands/sensitivity.js')).sensitivityCommand(c, io);
    case 'optimise':
      return (await import('./commands/optimise.js')).optimiseCommand(c, io);
    case 'fit':
      return (await import('./commands/fit.js')).fitCommand(c, io);
    case 'bench':
      return (await import('./commands/bench.js')).benchCommand(c, io);
    case 'start':
      return (await import('./commands/start.js')).startCommand(c, io);
  }
}
