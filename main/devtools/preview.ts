/**
 * `npm run preview [-- --data-dir DIR] [--port N]`: runs the whole app in a browser, for
 * development and testing. STEADYLINE_DATA_DIR also chooses the data folder, so runs never share
 * a journal or settings unless you want them to; STEADYLINE_POLICY_JSON gives it IT's policy.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { installProcessGuard } from '../core/process-guard';
import { createLogger } from '../logging/logger';

import { startPreview } from './start-preview';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string', default: '0' },
    'log-level': { type: 'string', default: 'info' },
  },
});

const repoRoot = resolve(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as {
  version: string;
};
const dataDir = values['data-dir'] ?? process.env.STEADYLINE_DATA_DIR ?? resolve(repoRoot, '.preview-data');

const logger = createLogger({ level: values['log-level'] });
const preview = await startPreview({
  dataDir,
  outDir: resolve(repoRoot, 'out'),
  logger,
  port: Number(values.port),
  version,
  policyJson: process.env.STEADYLINE_POLICY_JSON,
});
// As in the app: an error nothing handled is logged, and the agent told if they keep coming.
installProcessGuard({
  logger: logger.child({ module: 'process-guard' }),
  notify: (notice) => preview.core.addNotice(notice),
});

console.log(`Steadyline preview (development and testing only; the product is \`npm start\`)`);
console.log(`Data folder: ${resolve(dataDir)}`);
console.log(`Open this address in a browser: ${preview.url}`);
console.log(`STEADYLINE_PREVIEW_URL=${preview.url}`);

let closing = false;
const shutDown = async () => {
  if (closing) return;
  closing = true;
  await preview.close();
  process.exit(0);
};
process.on('SIGTERM', shutDown);
process.on('SIGINT', shutDown);
