/** The "Export diagnostics" action: gathers what the core knows and writes the zip into a folder. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { PhoneService } from '../phone/phone-service';
import type { EffectivePolicy } from '../policy/resolve';
import type { SettingsService } from '../settings/settings-service';

import { buildDiagnosticsZip } from './diagnostics';

/** What only the shell knows (log files, policy, versions, the keychain, trust). */
export interface DiagnosticsDeps {
  logFiles(): string[];
  policy(): EffectivePolicy;
  facts(): Record<string, unknown>;
  /** Where the zip goes (the user's Downloads folder in the app). */
  outputDir: string;
}

export function createDiagnosticsExport({
  deps,
  settings,
  phone,
  now,
}: {
  deps: DiagnosticsDeps;
  settings: Pick<SettingsService, 'view' | 'phone' | 'recovery' | 'summaryPolicy' | 'sipAccount'>;
  phone: Pick<PhoneService, 'registration' | 'availability' | 'liveCalls'>;
  now: () => number;
}): () => { file: string } {
  return () => {
    const at = now();
    const zip = buildDiagnosticsZip(
      {
        logFiles: deps.logFiles,
        policy: deps.policy,
        settings: () => ({
          ...settings.view(),
          phone: settings.phone(),
          recovery: settings.recovery(),
          summaryPolicy: settings.summaryPolicy(),
        }),
        state: () => ({
          ...deps.facts(),
          registration: phone.registration(),
          availability: phone.availability(),
          callsInProgress: phone.liveCalls(),
        }),
        secrets: () => [settings.sipAccount()?.password ?? ''],
      },
      at,
    );
    mkdirSync(deps.outputDir, { recursive: true });
    const file = join(
      deps.outputDir,
      `steadyline-diagnostics-${new Date(at).toISOString().replace(/[:.]/g, '-')}.zip`,
    );
    writeFileSync(file, zip, { mode: 0o600 });
    return { file };
  };
}
