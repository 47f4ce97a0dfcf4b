import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';

import { buildSteadylineApi } from '../../preload/api';
import type { PhonePreferences, SettingsView } from '../../preload/contract';
import { applyLanguage } from '../../renderer/src/i18n';
import { initialApp, useAppStore } from '../../renderer/src/stores/app-store';
import { initialAudio, useAudioStore } from '../../renderer/src/stores/audio-store';
import { initialAvailability, useAvailabilityStore } from '../../renderer/src/stores/availability-store';
import { initialCalls, useCallsStore } from '../../renderer/src/stores/calls-store';
import { initialHistory, useHistoryStore } from '../../renderer/src/stores/history-store';
import { initialRecovery, useRecoveryStore } from '../../renderer/src/stores/recovery-store';
import { initialWarnings, useWarningsStore } from '../../renderer/src/stores/warnings-store';
import { initialReflection, useReflectionStore } from '../../renderer/src/stores/reflection-store';
import { initialRegistration, useRegistrationStore } from '../../renderer/src/stores/registration-store';
import { initialSettings, useSettingsStore } from '../../renderer/src/stores/settings-store';

import { FakeBridgeTransport } from './support/fake-bridge-transport';

export let transport: FakeBridgeTransport;

export const defaultPhone: PhonePreferences = {
  microphoneId: '',
  speakerId: '',
  ringerId: '',
  autoAnswer: false,
  iceServers: [],
  hotkeys: { answer: 'F9', hangup: 'F10', mute: 'F11', markAbusive: '', warn: '', finalWarning: '' },
};

export const emptySettings: SettingsView = { account: null, language: 'en', passwordStorage: 'encrypted' };

beforeEach(async () => {
  transport = new FakeBridgeTransport();
  transport.respond('settings:get', () => ({ ok: true, value: emptySettings }));
  transport.respond('settings:getPhone', () => ({ ok: true, value: defaultPhone }));
  transport.respond('phone:getRegistration', () => ({ ok: true, value: { state: 'not-configured' } }));
  transport.respond('app:info', () => ({
    ok: true,
    value: { version: '0.0.0', dataDir: '/tmp/x', notices: [] },
  }));
  Object.defineProperty(window, 'steadyline', { value: buildSteadylineApi(transport), configurable: true });
  useAppStore.setState(initialApp);
  useRegistrationStore.setState(initialRegistration);
  useSettingsStore.setState(initialSettings);
  useCallsStore.setState(initialCalls);
  useAudioStore.setState(initialAudio);
  useAvailabilityStore.setState(initialAvailability);
  useHistoryStore.setState(initialHistory);
  useRecoveryStore.setState(initialRecovery);
  useReflectionStore.setState(initialReflection);
  useWarningsStore.setState(initialWarnings);
  await applyLanguage('en');
});

afterEach(() => cleanup());
