/**
 * Writes every policy artefact (ADMX/ADML, JSON Schema, sample .mobileconfig, the reference doc)
 * from main/policy/keys*.ts: `npm run policy:generate`. tests/node/policy/artefacts.test.ts fails
 * when the committed copies differ.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { formattedPolicyArtefacts } from '../main/policy/artefacts/index';

const root = join(import.meta.dirname, '..');
for (const [path, content] of Object.entries(await formattedPolicyArtefacts(root))) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
  process.stdout.write(`wrote ${path}\n`);
}
