import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';

import type { PhonePreferences } from '../../../preload/contract';
import type { AudioDevice } from '../media/devices';
import { useAudioStore } from '../stores/audio-store';

import { MicrophoneMeter } from './MicrophoneMeter';
import { useLockedByIt } from './policy-lock';
import { SetByIt } from './SetByIt';

type DeviceKey = 'microphoneId' | 'speakerId' | 'ringerId';

function DevicePicker({ field, devices }: { field: DeviceKey; devices: AudioDevice[] }) {
  const { t } = useTranslation();
  const id = useId();
  const value = useAudioStore((store) => store.preferences?.[field] ?? '');
  const save = useAudioStore((store) => store.save);
  const known = value === '' || devices.some((device) => device.deviceId === value);
  return (
    <div className="field">
      <label htmlFor={id}>{t(`audio.${field}`)}</label>
      <select id={id} value={value} onChange={(event) => void save({ [field]: event.target.value })}>
        <option value="">{t('audio.systemDefault')}</option>
        {devices.map((device, index) => (
          <option key={device.deviceId} value={device.deviceId}>
            {device.label || t('audio.unnamedDevice', { number: index + 1 })}
          </option>
        ))}
        {!known && <option value={value}>{t('audio.missingDevice')}</option>}
      </select>
    </div>
  );
}

/** Microphone, speaker and ringer devices, a test tone, the microphone meter and auto-answer. */
export function AudioSettings() {
  const { t } = useTranslation();
  const devices = useAudioStore((store) => store.devices);
  const preferences = useAudioStore((store) => store.preferences);
  const { save, refreshDevices, control } = useAudioStore.getState();
  const locked = useLockedByIt();
  useEffect(() => void refreshDevices(), [refreshDevices]);
  if (!preferences) return null;
  const autoAnswerLocked = locked.includes('AutoAnswer');
  const setAutoAnswer = (autoAnswer: PhonePreferences['autoAnswer']) => void save({ autoAnswer });
  return (
    <section className="settings-section" aria-labelledby="audio-title">
      <h2 id="audio-title">{t('audio.title')}</h2>
      <DevicePicker field="microphoneId" devices={devices.microphones} />
      <MicrophoneMeter />
      <DevicePicker field="speakerId" devices={devices.speakers} />
      <button type="button" className="button" onClick={() => void control?.testTone()}>
        {t('audio.testTone')}
      </button>
      <DevicePicker field="ringerId" devices={devices.speakers} />
      <div className="field field--check">
        <input
          id="auto-answer"
          type="checkbox"
          checked={preferences.autoAnswer}
          disabled={autoAnswerLocked}
          aria-describedby={autoAnswerLocked ? 'auto-answer-it' : undefined}
          onChange={(event) => setAutoAnswer(event.target.checked)}
        />
        <label htmlFor="auto-answer">{t('audio.autoAnswer')}</label>
        {autoAnswerLocked && <SetByIt id="auto-answer-it" />}
      </div>
    </section>
  );
}
