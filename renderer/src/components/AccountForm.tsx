import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { AccountView } from '../../../preload/contract';
import { useRegistrationStore } from '../stores/registration-store';
import { useSettingsStore, type AccountField } from '../stores/settings-store';

import { TextField } from './TextField';
import { isolate } from './format';
import { ACCOUNT_POLICY_KEYS, useLockedByIt } from './policy-lock';

type Draft = Record<AccountField, string>;

const draftFrom = (account: AccountView | null | undefined): Draft => ({
  serverUrl: account?.serverUrl ?? '',
  sipUser: account?.sipUser ?? '',
  domain: account?.domain ?? '',
  authUser: account?.authUser ?? '',
  password: '',
  displayName: account?.displayName ?? '',
});

/** The SIP account form. The password is never shown back: only whether one is stored. */
export function AccountForm() {
  const { t } = useTranslation();
  const view = useSettingsStore((store) => store.view);
  const fieldErrors = useSettingsStore((store) => store.fieldErrors);
  const status = useSettingsStore((store) => store.status);
  const failure = useSettingsStore((store) => store.failure);
  const saveAccount = useSettingsStore((store) => store.saveAccount);
  const clearAccount = useSettingsStore((store) => store.clearAccount);
  const [draft, setDraft] = useState<Draft>(() => draftFrom(view?.account));
  const authFailed = useRegistrationStore((store) => store.registration.state === 'auth-failed');
  const form = useRef<HTMLFormElement>(null);
  const locked = useLockedByIt();
  const field = (name: AccountField) => ({
    value: draft[name],
    onChange: (value: string) => setDraft((current) => ({ ...current, [name]: value })),
    errorCode: fieldErrors[name],
    lockedByIt: locked.includes(ACCOUNT_POLICY_KEYS[name] ?? ''),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await saveAccount(draft);
    if (useSettingsStore.getState().status === 'saved') setDraft((current) => ({ ...current, password: '' }));
    // An invalid save is never silent: focus goes to the first field that needs fixing.
    else form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  };
  const remove = async () => {
    await clearAccount();
    setDraft(draftFrom(null));
  };
  const passwordHint =
    view?.passwordStorage === 'session-only'
      ? t('settings.passwordSessionOnly')
      : view?.account?.hasPassword
        ? t('settings.passwordStored')
        : undefined;

  return (
    <form ref={form} className="account-form" onSubmit={(event) => void submit(event)} noValidate>
      <h2>{t('settings.account')}</h2>
      <TextField
        label={t('settings.serverUrl')}
        hint={t('settings.serverUrlHint')}
        type="url"
        dir="ltr"
        {...field('serverUrl')}
      />
      <TextField label={t('settings.sipUser')} dir="ltr" autoComplete="username" {...field('sipUser')} />
      <TextField
        label={t('settings.domain')}
        hint={t('settings.domainHint')}
        dir="ltr"
        {...field('domain')}
      />
      <TextField
        label={t('settings.authUser')}
        hint={t('settings.authUserHint')}
        dir="ltr"
        {...field('authUser')}
      />
      <TextField
        label={t('settings.password')}
        hint={passwordHint}
        type="password"
        autoComplete="current-password"
        {...field('password')}
      />
      <TextField label={t('settings.displayName')} dir="auto" {...field('displayName')} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={status === 'saving'}>
          {t('settings.save')}
        </button>
        {view?.account && (
          <button type="button" className="button" onClick={() => void remove()}>
            {t('settings.remove')}
          </button>
        )}
      </div>
      <p className="form-status" role="status" aria-live="polite">
        {status === 'saved' && (authFailed ? t('settings.savedAuthFailed') : t('settings.saved'))}
        {status === 'removed' && t('settings.removed')}
        {status === 'failed' && failure && t('settings.saveFailed', { message: isolate(failure) })}
      </p>
    </form>
  );
}
