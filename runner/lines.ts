/**
 * A file's lines, read as a stream: memory is bounded by the longest line, not the file
 * (a journal of thousands of replications is larger than the longest string V8 can make).
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export async function* readLines(file: string): AsyncGenerator<string> {
  const input = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const rl = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of rl) yield line;
  } finally {
    rl.close();
    input.destroy();
  }
}
