/**
 * A `writeSync` for mocked file systems that takes at most `max` bytes a call, as a write to
 * a disk that is filling up may; with `enospc` a write of at most `max` bytes fails (the disk
 * has filled), with `full` every write fails (it was full to begin with).
 */
import type { writeSync as realWriteSync } from 'node:fs';

export interface Disk {
  max: number;
  enospc?: boolean;
  full?: boolean;
}

export function shortWrites(write: typeof realWriteSync, disk: Disk) {
  return (fd: number, data: string | NodeJS.ArrayBufferView, offset?: number, length?: number): number => {
    const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const from = typeof data === 'string' ? 0 : (offset ?? 0);
    const want = typeof data === 'string' ? bytes.length : (length ?? bytes.length - from);
    if (disk.full || (disk.enospc && want <= disk.max))
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    return write(fd, bytes, from, Math.min(disk.max, want));
  };
}
