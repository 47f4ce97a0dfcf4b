import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { HotkeyAction, type PhonePreferences } from '../../../preload/contract';
import { useAudioStore } from '../stores/audio-store';

import { hotkeyPolicyKey, useLockedByIt } from './policy-lock';
import { SetByIt } from './SetByIt';
import { TurnLogins } from './TurnLogins';

/** STUN/TURN servers (one per line) and the global hotkeys, saved together. */
function CallSettingsForm({ preferences }: { preferences: PhonePreferences }) {
  const { t } = useTranslation();
  const save = useAudioStore((store) => store.save);
  const failure = useAudioStore((store) => store.failure);
  const [servers, setServers] = useState(preferences.iceServers.join('\n'));
  const locked = useLockedByIt();
  const [hotkeys, setHotkeys] = useState(preferences.hotkeys);
  const [saved, setSaved] = useState(false);
  const serversId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const iceServers = servers
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    setSaved(await save({ iceServers, hotkeys }));
  };
  return (
    <form
      className="settings-section"
      aria-labelledby="call-settings-title"
      onSubmit={(event) => void submit(event)}
    >
      <h2 id="call-settings-title">{t('callSettings.title')}</h2>
      <div className="field">
        <label htmlFor={serversId}>{t('callSettings.iceServers')}</label>
        <textarea
          id={serversId}
          dir="ltr"
          rows={3}
          value={servers}
          readOnly={locked.includes('IceServers')}
          aria-describedby={locked.includes('IceServers') ? `${serversId}-it` : undefined}
          onChange={(event) => setServers(event.target.value)}
        />
        {locked.includes('IceServers') && <SetByIt id={`${serversId}-it`} />}
        <p className="field__hint">{t('callSettings.iceServersHint')}</p>
      </div>
      <fieldset>
        <legend>{t('callSettings.hotkeys')}</legend>
        {HotkeyAction.options.map((action) => (
          <div className="field" key={action}>
            <label htmlFor={`hotkey-${action}`}>{t(`callSettings.hotkey.${action}`)}</label>
            <input
              id={`hotkey-${action}`}
              dir="ltr"
              value={hotkeys[action]}
              readOnly={locked.includes(hotkeyPolicyKey(action))}
              aria-describedby={locked.includes(hotkeyPolicyKey(action)) ? `hotkey-${action}-it` : undefined}
              onChange={(event) => setHotkeys({ ...hotkeys, [action]: event.target.value })}
            />
            {locked.includes(hotkeyPolicyKey(action)) && <SetByIt id={`hotkey-${action}-it`} />}
          </div>
        ))}
        <p className="field__hint">{t('callSettings.hotkeysHint')}</p>
      </fieldset>
      {failure && <p role="alert">{t(`validation.${failure}`, { defaultValue: failure })}</p>}
      {saved && !failure && <p role="status">{t('callSettings.saved')}</p>}
      <button type="submit" className="button button--primary">
        {t('callSettings.save')}
      </button>
    </form>
  );
}

export function CallSettings() {
  const preferences = useAudioStore((store) => store.preferences);
  if (!preferences) return null;
  return (
    <>
      <CallSettingsForm preferences={preferences} />
      <TurnLogins iceServers={preferences.iceServers} />
    </>
  );
}
