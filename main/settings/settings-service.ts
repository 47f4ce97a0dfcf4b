/**
 * Settings as the rest of main sees them: read once at start (migrated and validated), changed
 * only through these functions, with the password kept in the secret store.
 */
import { writeFileSync } from 'node:fs';

import type {
  AccountInput,
  Language,
  Notice,
  RecoveryPreferences,
  RecoverySettings,
  PhonePreferences,
  SettingsView,
} from '../../preload/contract';
import type { Logger } from '../logging/logger';
import type { StoredSharing } from '../summaries/sharing-choice';
import type { SummaryPolicy } from '../summaries/summary-policy';

import { DEFAULT_SETTINGS } from './defaults';
import type { OpenedStore } from './key-value-store';
import { migrateSettings } from './migrations';
import { StoredSettings, type StoredAccount } from './schema';
import type { SecretStore } from './secret-store';

export const PASSWORD_SECRET = 'sip-password';

/** The account with every default applied and the password: what the phone engine needs. */
export interface SipAccount extends StoredAccount {
  password: string;
}

export interface SettingsService {
  view(): SettingsView;
  saveAccount(input: AccountInput): SettingsView;
  clearAccount(): SettingsView;
  setLanguage(language: Language): SettingsView;
  sipAccount(): SipAccount | null;
  notices(): Notice[];
  onAccountChange(listener: () => void): () => void;
  /** IT's recovery policy and the agent's recovery preferences. */
  recovery(): RecoverySettings;
  setRecoveryPreferences(patch: Partial<RecoveryPreferences>): RecoverySettings;
  /** Audio devices, auto-answer, ICE servers, hotkeys. */
  phone(): PhonePreferences;
  setPhone(patch: Partial<PhonePreferences>): PhonePreferences;
  onPhoneChange(listener: (preferences: PhonePreferences) => void): () => void;
  /** IT's team-summary policy, and the agent's sealed sharing section (main/summaries/). */
  summaryPolicy(): SummaryPolicy;
  sharing(): StoredSharing;
  setSharing(next: StoredSharing): StoredSharing;
}

interface Deps {
  opened: OpenedStore;
  secrets: SecretStore;
  logger: Logger;
  now?: () => number;
}

export function createSettingsService({ opened, secrets, logger, now = Date.now }: Deps): SettingsService {
  const { store } = opened;
  const notices: Notice[] = [];
  if (opened.movedAside) notices.push(settingsResetNotice(opened.movedAside));
  let settings = loadSettings();
  const listeners = new Set<() => void>();
  const phoneListeners = new Set<(preferences: PhonePreferences) => void>();

  function loadSettings(): StoredSettings {
    const raw = store.store;
    if (Object.keys(raw).length === 0) return write(DEFAULT_SETTINGS);
    const parsed = StoredSettings.safeParse(migrateSettings(raw, logger));
    if (parsed.success) return write(parsed.data);
    const movedTo = `${store.path}.invalid-${now()}.json`;
    writeFileSync(movedTo, JSON.stringify(raw, null, 2));
    logger.warn(
      { movedTo },
      'settings file did not match the schema; defaults in use, the old file was kept',
    );
    notices.push(settingsResetNotice(movedTo));
    return write(DEFAULT_SETTINGS);
  }

  function write(next: StoredSettings): StoredSettings {
    for (const [key, value] of Object.entries(next)) store.set(key, value);
    return next;
  }

  function save(next: StoredSettings) {
    settings = write(next);
  }

  function accountChanged() {
    for (const listener of listeners) listener();
  }

  function view(): SettingsView {
    const { account } = settings;
    return {
      account: account && { ...account, hasPassword: secrets.get(PASSWORD_SECRET) !== undefined },
      language: settings.language,
      passwordStorage: secrets.storage,
    };
  }

  function storePassword(password: string | undefined) {
    if (password === undefined) return;
    if (password === '') return secrets.delete(PASSWORD_SECRET);
    secrets.set(PASSWORD_SECRET, password);
    if (
      secrets.storage === 'session-only' &&
      !notices.some((notice) => notice.kind === 'password-not-encrypted')
    ) {
      notices.push({
        id: 'password-not-encrypted',
        kind: 'password-not-encrypted',
        severity: 'warning',
        details: {},
      });
    }
  }

  return {
    view,
    saveAccount({ password, ...account }) {
      storePassword(password);
      save({ ...settings, account });
      logger.info({ sipUser: account.sipUser, serverUrl: account.serverUrl }, 'SIP account saved');
      accountChanged();
      return view();
    },
    clearAccount() {
      secrets.delete(PASSWORD_SECRET);
      save({ ...settings, account: null });
      logger.info('SIP account removed');
      accountChanged();
      return view();
    },
    setLanguage(language) {
      save({ ...settings, language });
      return view();
    },
    sipAccount() {
      const { account } = settings;
      if (!account) return null;
      return {
        ...account,
        authUser: account.authUser || account.sipUser,
        domain: account.domain || hostOf(account.serverUrl),
        password: secrets.get(PASSWORD_SECRET) ?? '',
      };
    },
    notices: () => [...notices],
    onAccountChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    recovery: () => ({ policy: settings.recoveryPolicy, preferences: settings.recoveryPreferences }),
    setRecoveryPreferences(patch) {
      save({ ...settings, recoveryPreferences: { ...settings.recoveryPreferences, ...patch } });
      logger.info({ changed: Object.keys(patch) }, 'recovery preferences saved');
      return { policy: settings.recoveryPolicy, preferences: settings.recoveryPreferences };
    },
    phone: () => settings.phone,
    setPhone(patch) {
      save({ ...settings, phone: { ...settings.phone, ...patch } });
      logger.info({ changed: Object.keys(patch) }, 'phone preferences saved');
      for (const listener of phoneListeners) listener(settings.phone);
      return settings.phone;
    },
    onPhoneChange(listener) {
      phoneListeners.add(listener);
      return () => phoneListeners.delete(listener);
    },
    summaryPolicy: () => settings.summaryPolicy,
    sharing: () => settings.sharing,
    setSharing(next) {
      save({ ...settings, sharing: next });
      return settings.sharing;
    },
  };
}

function settingsResetNotice(movedTo: string): Notice {
  return { id: 'settings-reset', kind: 'settings-reset', severity: 'warning', details: { movedTo } };
}

function hostOf(serverUrl: string): string {
  try {
    return new URL(serverUrl).hostname;
  } catch {
    return '';
  }
}
