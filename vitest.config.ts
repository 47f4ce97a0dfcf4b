import { defineConfig } from 'vitest/config';

// Four projects, grouped by runtime (see tests/README.md):
//  node     - services, journal, router, settings, SIP against Kamailio: plain Node, real files
//  renderer - React components and zustand stores in jsdom
//  collector - the team collector (collector/) on PGlite and a real PostgreSQL server
//  e2e      - the built renderer in Debian Chromium driving the real core through the test bridge
export default defineConfig({
  test: {
    reporters: ['default', './tests/support/closing-line-reporter.ts'],
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/node/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'collector',
          environment: 'node',
          include: ['tests/collector/**/*.test.ts'],
          // One real PostgreSQL server for the project (tests/collector/support/postgres-server.ts).
          globalSetup: ['tests/collector/support/global-setup.ts'],
          // Each PGlite store starts a WASM PostgreSQL: seconds on a busy 2-core machine.
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/renderer/setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
