// Builds the lead's dashboard page into collector/dashboard/dist/, which the collector serves at
// /dashboard/ (collector/src/dashboard-page). Same toolchain as the renderer: Vite and React.
import { resolve } from 'node:path';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

export default defineConfig({
  root,
  base: '/dashboard/',
  plugins: [react()],
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    // No source maps or inline scripts: the page runs under the collector's strict CSP.
    assetsInlineLimit: 0,
  },
});
