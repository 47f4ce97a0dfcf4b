/**
 * The collector's entry point: `npm run collector` serves (embedded PGlite in
 * COLLECTOR_DATA_DIR, or PostgreSQL at DATABASE_URL); `npm run collector -- team create Blue`
 * and the other commands in cli/commands.ts administer. Settings: docs/collector.md.
 */
import { buildCollector } from './app';
import { CliError, isCliCommand, runCli, USAGE } from './cli/commands';
import { systemClock } from './clock';
import { openStore } from './db/open';
import { createCollectorLogger } from './logger';
import { readServerSettings } from './server-config';

async function main(argv: string[]): Promise<void> {
  const settings = readServerSettings(process.env);
  const logger = createCollectorLogger({ level: settings.logLevel });
  if (argv[0] === '--help' || argv[0] === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const db = await openStore({
    ...settings,
    onIdleClientError: (error) =>
      logger.warn({ errName: error.name }, 'an idle database connection failed; replaced'),
  });
  if (isCliCommand(argv)) {
    try {
      await runCli(argv, { db, now: new Date(), out: (line) => process.stdout.write(`${line}\n`) });
    } finally {
      await db.close();
    }
    return;
  }
  if (argv.length > 0 && argv[0] !== 'serve') {
    await db.close();
    throw new CliError(USAGE);
  }
  const app = await buildCollector(
    { db, clock: systemClock, logger, config: settings.config },
    settings.https ? { https: settings.https } : {},
  );
  const address = await app.listen({ host: settings.host, port: settings.port });
  logger.info({ address, store: db.kind, k: settings.config.k }, 'collector listening');
  process.stdout.write(`collector listening on ${address} (${db.kind})\n`);
  const stop = (): void => {
    void app
      .close()
      .then(() => db.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof CliError ? 2 : 1);
});
