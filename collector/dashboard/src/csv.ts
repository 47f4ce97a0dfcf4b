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
