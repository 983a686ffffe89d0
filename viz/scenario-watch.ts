/**
 * Watches a scenario file for the live viewer. The folder is watched, not the file: many
 * editors save by writing a new file and renaming it over the old one, which ends a watch on
 * the file itself. Bursts of events (one save can give several) are coalesced.
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

const SETTLE_MS = 150;

/** Calls `onChange` after the file changes; returns the function that stops watching. */
export function watchFile(file: string, onChange: () => void): () => void {
  const name = basename(file);
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dirname(file), (_event, changed) => {
      // Some platforms do not say which file changed: then any change may be it.
      if (changed !== null && changed.toString() !== name) return;
      clearTimeout(timer);
      timer = setTimeout(onChange, SETTLE_MS);
    });
    // A folder removed under the viewer: the page keeps the last results.
    watcher.on('error', () => undefined);
  } catch {
    // A folder that cannot be watched: the viewer works as before, without reloads.
  }
  return () => {
    clearTimeout(timer);
    watcher?.close();
  };
}
