/**
 * Excel export (`--xlsx FILE`): one workbook, one sheet per table of cli/tables.ts (the same
 * tables `--csv` writes), header row frozen, numbers as numbers and empty cells where the
 * CSV has empty fields. Written with exceljs' streaming writer, row by row, to a temporary
 * file renamed over FILE at the end, so a failed write leaves no half workbook.
 */
import { closeSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Results } from '../results/index.js';
import { checkOutput, createNew, keepMode, makeFolderFor, temporaryName } from '../runner/index.js';
import { resultTables, type ReplicationScalars } from './tables.js';

/** Excel's limit on a sheet's rows (header included). */
export const XLSX_MAX_ROWS = 1_048_576;

/**
 * archiver (exceljs' zip writer) still calls `new Buffer(...)`. Inside node_modules Node keeps
 * quiet about it, but bundled into caresim it prints DEP0005 at the user, who can do nothing
 * about it: that one warning is dropped while a workbook is written, every other passes.
 */
async function withoutBufferWarning<T>(f: () => Promise<T>): Promise<T> {
  const emit = process.emitWarning.bind(process) as (...a: unknown[]) => void;
  const original = Object.getOwnPropertyDescriptor(process, 'emitWarning');
  process.emitWarning = (warning: string | Error, ...rest: unknown[]) => {
    const o = rest[0];
    const code = typeof o === 'object' && o !== null ? (o as { code?: string }).code : rest[1];
    if (code === 'DEP0005') return;
    emit(warning, ...rest);
  };
  try {
    return await f();
  } finally {
    if (original) Object.defineProperty(process, 'emitWarning', original);
  }
}

export async function writeXlsx(file: string, r: Results, raw?: Record<string, Iterable<ReplicationScalars>>): Promise<void> {
  await withoutBufferWarning(() => write(file, r, raw));
}

async function write(file: string, r: Results, raw?: Record<string, Iterable<ReplicationScalars>>): Promise<void> {
  checkOutput(file, '--xlsx', 'results.xlsx');
  const tmp = join(makeFolderFor(file), temporaryName(file));
  try {
    // Made here, a link at the name removed first, with the replaced file's bits: the workbook
    // writer then opens it by name and writes it in place.
    const fd = createNew(tmp);
    try {
      keepMode(fd, file);
    } finally {
      closeSync(fd);
    }
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: false });
    wb.creator = 'caresim';
    for (const t of resultTables(r, raw)) {
      if (t.rows.length + 1 > XLSX_MAX_ROWS) {
        throw new Error(`the ${t.name} table has ${t.rows.length} rows, more than an Excel sheet holds; use --csv for it`);
      }
      const ws = wb.addWorksheet(t.name, { views: [{ state: 'frozen', ySplit: 1 }] });
      const header = ws.addRow(t.header);
      header.font = { bold: true };
      header.commit();
      for (const row of t.rows) {
        // Non-finite numbers and null are empty cells, as in the CSV.
        ws.addRow(row.map((v) => (v === null || (typeof v === 'number' && !Number.isFinite(v)) ? null : v))).commit();
      }
      ws.commit();
    }
    await wb.commit();
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
