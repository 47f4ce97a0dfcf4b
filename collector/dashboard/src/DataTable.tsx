/**
 * One screen table (see ./screen): headers, rows, and a note across a suppressed week's row.
 * Cells are bidi-isolated, so `2026-W47` or a Latin name reads right inside a Hebrew page.
 */
import type { ScreenTable } from './screen';

export function DataTable({ table, caption }: { table: ScreenTable; caption?: string }) {
  return (
    // A scrolling region must be reachable by keyboard (WCAG 2.1.1; axe scrollable-region-focusable).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-scroll" tabIndex={0} role="region" aria-label={table.title}>
      <table className="data" data-table={table.id}>
        <caption className="visually-hidden">{caption ?? table.title}</caption>
        <thead>
          <tr>
            {table.headers.map((header) => (
              <th key={header} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key} className={row.note ? 'data__note-row' : undefined}>
              <th scope="row">
                <bdi>{row.cells[0]}</bdi>
              </th>
              {row.note ? (
                <td colSpan={table.headers.length - 1}>{row.note}</td>
              ) : (
                row.cells.slice(1).map((cell, index) => (
                  <td key={index}>
                    <bdi>{cell}</bdi>
                  </td>
                ))
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
