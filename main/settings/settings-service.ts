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
import { applyPolicy, lockedKeys } from '../policy/apply';
import { EMPTY_POLICY, type EffectivePolicy } from '../policy/resolve';
import type { StoredSharing } from '../summaries/sharing-choice';
import type { SummaryPolicy } from '../summaries/summary-policy';

import { DEFAULT_SETTINGS } from './defaults';
import type { OpenedStore } from './key-value-store';
import { migrateSettings } from './migrations';
import { salvageSettings } from './salvage';
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

/** IT's policy as the settings need it (main/policy/policy-service.ts). */
export interface PolicyFeed {
  current(): EffectivePolicy;
  onChange(listener: (policy: EffectivePolicy) => void): () => void;
}

interface Deps {
  opened: OpenedStore;
  /** IT's policy, laid over the agent's settings (never written into the file); none: no policy. */
  policy?: PolicyFeed;
  secrets: SecretStore;
  logger: Logger;
  now?: () => number;
}

export function createSettingsService({
  opened,
  secrets,
  logger,
  policy,
  now = Date.now,
}: Deps): SettingsService {
  const { store } = opened;
  const notices: Notice[] = [];
  if (opened.movedAside) notices.push(settingsResetNotice(opened.movedAside));
  /** The agent's own settings, as in the file. */
  let stored = loadSettings();
  /** What the app uses: the agent's settings with IT's policy laid over them. */
  let settings = applyPolicy(stored, policy?.current() ?? EMPTY_POLICY);
  notePolicyProblems(policy?.current() ?? EMPTY_POLICY);
  const listeners = new Set<() => void>();
  const phoneListeners = new Set<(preferences: PhonePreferences) => void>();

  function loadSettings(): StoredSettings {
    const raw = store.store;
    if (Object.keys(raw).length === 0) return write(DEFAULT_SETTINGS);
    const parsed = StoredSettings.safeParse(migrateSettings(raw, logger));
    if (parsed.success) return write(parsed.data);
    const movedTo = `${store.path}.invalid-${now()}.json`;
    writeFileSync(movedTo, JSON.stringify(raw, null, 2));
    const { settings: salvaged, reset } = salvageSettings(migrateSettings(raw, logger));
    const fields = reset.filter((path) => path !== 'settingsVersion');
    logger.warn(
      { movedTo, reset: fields },
      'settings file did not match the schema; the invalid parts are defaults, the rest kept',
    );
    notices.push({
      id: 'settings-repaired',
      kind: 'settings-repaired',
      severity: 'warning',
      details: { movedTo, fields: fields.join(', ') },
    });
    return write(salvaged);
  }

  function notePolicyProblems(current: EffectivePolicy) {
    const keys = [...new Set(current.problems.map((problem) => problem.key))];
    const notice = notices.find((existing) => existing.kind === 'policy-invalid');
    if (keys.length === 0 || notice?.details.keys === keys.join(', ')) return;
    if (notice) notices.splice(notices.indexOf(notice), 1);
    notices.push({
      id: 'policy-invalid',
      kind: 'policy-invalid',
      severity: 'warning',
      details: { keys: keys.join(', ') },
    });
  }

  function write(next: StoredSettings): StoredSettings {
    for (const [key, value] of Object.entries(next)) store.set(key, value);
    return next;
  }

  function save(next: StoredSettings) {
    stored = write(next);
    settings = applyPolicy(stored, policy?.current() ?? EMPTY_POLICY);
  }

  policy?.onChange((current) => {
    const before = settings;
    settings = applyPolicy(stored, current);
    notePolicyProblems(current);
    logger.info({ locked: lockedKeys(current) }, 'policy applied to settings');
    if (JSON.stringify(before.account) !== JSON.stringify(settings.account)) accountChanged();
    if (JSON.stringify(before.phone) !== JSON.stringify(settings.phone)) {
      for (const listener of phoneListeners) listener(settings.phone);
    }
  });

  function accountChanged() {
    for (const listener of listeners) listener();
  }

  function view(): SettingsView {
    const { account } = settings;
    return {
      account: account && { ...account, hasPassword: secrets.get(PASSWORD_SECRET) !== undefined },
      language: settings.language,
      passwordStorage: secrets.storage,
      ...(policy && { lockedByPolicy: lockedKeys(policy.current()) }),
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
      save({ ...stored, account });
      logger.info({ sipUser: account.sipUser, serverUrl: account.serverUrl }, 'SIP account saved');
      accountChanged();
      return view();
    },
    clearAccount() {
      secrets.delete(PASSWORD_SECRET);
      save({ ...stored, account: null });
      logger.info('SIP account removed');
      accountChanged();
      return view();
    },
    setLanguage(language) {
      save({ ...stored, language });
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
      save({ ...stored, recoveryPreferences: { ...stored.recoveryPreferences, ...patch } });
      logger.info({ changed: Object.keys(patch) }, 'recovery preferences saved');
      return { policy: settings.recoveryPolicy, preferences: settings.recoveryPreferences };
    },
    phone: () => settings.phone,
    setPhone(patch) {
      save({ ...stored, phone: { ...stored.phone, ...patch } });
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
      save({ ...stored, sharing: next });
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
