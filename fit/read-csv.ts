/** Streams a CSV file through the parser in 1 MiB chunks: memory stays flat for any file size. */
import { createReadStream } from 'node:fs';
import { CsvParser, type RecordSink } from './csv.js';

export async function readCsv(path: string, sink: RecordSink): Promise<void> {
  const parser = new CsvParser(sink);
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  for await (const chunk of stream) parser.push(chunk as string);
  parser.end();
}
