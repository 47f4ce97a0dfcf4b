import { useTranslation } from 'react-i18next';

import { useSettingsStore } from '../stores/settings-store';

import { AccountForm } from './AccountForm';
import { AudioSettings } from './AudioSettings';
import { CallSettings } from './CallSettings';
import { DiagnosticsExport } from './DiagnosticsExport';
import { LanguagePicker } from './LanguagePicker';
import { BreakPreferences } from './recovery/BreakPreferences';

export function SettingsScreen() {
  const { t } = useTranslation();
  const loaded = useSettingsStore((store) => store.view !== null);
  return (
    <section className="screen" aria-labelledby="settings-title">
      <h1 id="settings-title" tabIndex={-1} data-rescue="screen">
        {t('settings.title')}
      </h1>
      {loaded && <AccountForm />}
      <LanguagePicker />
      <AudioSettings />
      <CallSettings />
      <BreakPreferences />
      <DiagnosticsExport />
    </section>
  );
}
