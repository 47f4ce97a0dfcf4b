/** The sign-in form (local lead account) and, when IT configured it, single sign-on. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { api, ApiError, type SessionInfo } from './api';

const KNOWN = new Set(['wrong_credentials', 'locked', 'rate_limited']);

export function SignIn({
  onSignedIn,
  notice,
  oidc,
}: {
  onSignedIn(info: SessionInfo): void;
  notice: string | null;
  oidc: boolean;
}) {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    api
      .signIn(login, password)
      .then(onSignedIn)
      .catch((reason: unknown) => {
        const code = reason instanceof ApiError ? reason.code : 'failed';
        setError(t(`signIn.${KNOWN.has(code) ? code : 'failed'}`));
        setPassword('');
      })
      .finally(() => setBusy(false));
  };

  return (
    <main id="figures" className="sign-in card">
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.intro')}</p>
      {notice ? (
        <p role="status" className="notice">
          {notice}
        </p>
      ) : null}
      <form onSubmit={submit} noValidate>
        <label htmlFor="login">{t('signIn.login')}</label>
        <input
          id="login"
          name="login"
          autoComplete="username"
          value={login}
          onChange={(e) => setLogin(e.target.value)}
          required
        />
        <label htmlFor="password">{t('signIn.password')}</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
      {oidc ? (
        <>
          <p className="muted">{t('signIn.or')}</p>
          <a className="button-link" href="/api/dashboard/v1/oidc/start">
            {t('signIn.sso')}
          </a>
        </>
      ) : null}
    </main>
  );
}
