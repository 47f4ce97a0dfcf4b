/**
 * Vitest globalSetup for the `collector` project: one real PostgreSQL server for every test
 * file (each test then makes its own database on it, see stores.ts).
 */
import type { TestProject } from 'vitest/node';

import { startPostgres } from './postgres-server';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export async function setup(project: TestProject): Promise<() => void> {
  const server = await startPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
