/** A pino destination that keeps every log line in memory, so tests can read what was logged. */
export function collectingDestination() {
  const lines: string[] = [];
  return {
    write(line: string) {
      lines.push(line);
    },
    lines: () => lines,
    text: () => lines.join(''),
  };
}
