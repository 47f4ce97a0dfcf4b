/**
 * Where the built renderer's files are and how they are typed: shared by the app:// protocol
 * (Electron) and the browser preview, so both serve exactly the same bytes the same way.
 */
import { extname, join, normalize, sep } from 'node:path';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.woff2': 'font/woff2',
};

export const mimeTypeOf = (file: string) => MIME_TYPES[extname(file)] ?? 'application/octet-stream';

/** Resolves a URL path to a file inside root (`/` is index.html), or null when it would escape root. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const base = normalize(root);
  const candidate = normalize(join(base, decoded === '/' ? 'index.html' : decoded));
  return candidate.startsWith(base + sep) ? candidate : null;
}
