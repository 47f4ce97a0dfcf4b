/** The browser half of the CSV export (csv.ts stays DOM-free, so Node tests use it too). */
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
