/**
 * The CSV export: the page's tables, one after another (title line, header line, rows, a blank
 * line), with a byte-order mark so spreadsheet programs read Hebrew as UTF-8.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';

import type { ScreenTable } from './screen';

export function tablesToCsv(tables: readonly ScreenTable[]): string {
  const records: string[][] = [];
  tables.forEach((table, index) => {
    if (index > 0) records.push([]);
    records.push([table.title], table.headers, ...table.rows.map((row) => row.cells));
  });
  return `\uFEFF${stringify(records, { record_delimiter: 'windows' })}`;
}

/** Offers `csv` as a download named `file` (a Blob URL, revoked a minute later). */
export function downloadCsv(csv: string, file: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a little later: Chromium reads the Blob after the click has returned.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
