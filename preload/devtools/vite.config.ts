// Builds the test bridge's browser client into out/devtools/, apart from the app's own bundles,
// so the packaged app (out/main, out/preload, out/renderer) never contains it.
import { resolve } from 'node:path';

import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    outDir: resolve(import.meta.dirname, '../../out/devtools'),
    emptyOutDir: true,
    lib: {
      entry: resolve(import.meta.dirname, 'bridge-client.ts'),
      formats: ['es'],
      fileName: () => 'bridge-client.js',
    },
  },
});
