/**
 * What the runner needs from a compiled scenario (engine/compiled.ts): `loadScenario` returns
 * one, and library users can build one in code (engine/builder.ts) without a YAML file.
 */
export type { CompiledScenario as RunnableScenario, CompiledStrategy as RunnableStrategy } from '../engine/compiled.js';
