/** The engine version results carry; the bundler inlines package.json at build time. */
import pkg from '../package.json' with { type: 'json' };

export const ENGINE_VERSION: string = pkg.version;
