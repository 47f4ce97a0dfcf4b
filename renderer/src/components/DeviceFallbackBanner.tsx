import { useTranslation } from 'react-i18next';

import { useAudioStore } from '../stores/audio-store';

/** Tells the agent that a chosen device is gone (a headset unplugged) and the default is used. */
export function DeviceFallbackBanner() {
  const { t } = useTranslation();
  const fallbacks = useAudioStore((store) => store.fallbacks);
  const dismiss = useAudioStore((store) => store.dismissFallback);
  if (fallbacks.length === 0) return null;
  return (
    <ul className="notices" aria-label={t('audio.fallbackLabel')}>
      {fallbacks.map((role) => (
        <li key={role} className="notice notice--warning" role="alert">
          <span>{t(`audio.fallback.${role}`)}</span>
          <button type="button" className="button" onClick={() => dismiss(role)}>
            {t('notices.dismiss')}
          </button>
        </li>
      ))}
    </ul>
  );
}
