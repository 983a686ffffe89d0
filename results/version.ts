/**
 * The engine version results carry; the bundler inlines package.json at build time. A named
 * import (which the JSON import attribute would forbid) so a bundle holds the version alone:
 * the report and the viewer, which import this module's folder, then carry no package.json.
 */
import { version } from '../package.json';

export const ENGINE_VERSION: string = version;
