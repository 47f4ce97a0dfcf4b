/** The dashboard shell: header (language, who is signed in, sign-out), team choice, content. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { api, ApiError, type SessionInfo } from './api';
import { applyLanguage, LANGUAGES, type Language } from './i18n';
import { SignIn } from './SignIn';
import { TeamDashboard } from './TeamDashboard';

type State =
  | { kind: 'loading' }
  | { kind: 'signed-out'; notice: string | null }
  | { kind: 'signed-in'; info: SessionInfo };

export function App() {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [teamId, setTeamId] = useState<string | null>(null);
  const [oidc, setOidc] = useState(false);
  const oidcError = new URLSearchParams(location.search).get('oidc_error');

  useEffect(() => {
    api.signInOptions().then(
      (o) => setOidc(o.oidc),
      () => setOidc(false),
    );
    api.session().then(
      (info) => setState({ kind: 'signed-in', info }),
      () =>
        setState({
          kind: 'signed-out',
          notice: oidcError ? t('signIn.oidc_failed', { reason: oidcError }) : null,
        }),
    );
    // Once, on load: the session cookie decides where we start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const signedIn = (info: SessionInfo) => {
    setState({ kind: 'signed-in', info });
    setTeamId(info.teams[0]?.id ?? null);
  };
  const expired = useCallback(() => setState({ kind: 'signed-out', notice: t('signIn.expired') }), [t]);
  const signOut = () => {
    api.signOut().then(
      () => setState({ kind: 'signed-out', notice: null }),
      (reason: unknown) => reason instanceof ApiError && reason.status === 401 && expired(),
    );
  };
  const current = state.kind === 'signed-in' ? (teamId ?? state.info.teams[0]?.id ?? null) : null;

  return (
    <div className="page">
      <a className="skip" href="#figures">
        {t('app.skip')}
      </a>
      <header className="page__header">
        <span className="page__name">
          {t('app.product')} · {t('app.title')}
        </span>
        <label className="page__language">
          {t('app.language')}{' '}
          <select value={i18n.language} onChange={(e) => void applyLanguage(e.target.value as Language)}>
            {LANGUAGES.map((language) => (
              <option key={language} value={language} lang={language}>
                {language === 'en' ? 'English' : 'עברית'}
              </option>
            ))}
          </select>
        </label>
        {state.kind === 'signed-in' ? (
          <>
            {state.info.teams.length > 1 ? (
              <label>
                {t('header.team')}{' '}
                <select value={current ?? ''} onChange={(e) => setTeamId(e.target.value)}>
                  {state.info.teams.map((team) => (
                    <option key={team.id} value={team.id}>
                      {team.name}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            <span className="page__who">{t('header.signedInAs', { name: state.info.lead.displayName })}</span>
            <button type="button" onClick={signOut}>
              {t('header.signOut')}
            </button>
          </>
        ) : null}
      </header>
      {state.kind === 'loading' ? <p role="status">{t('app.loading')}</p> : null}
      {state.kind === 'signed-out' ? (
        <SignIn onSignedIn={signedIn} notice={state.notice} oidc={oidc} />
      ) : null}
      {state.kind === 'signed-in' && current ? (
        <TeamDashboard key={current} teamId={current} onSignedOut={expired} />
      ) : null}
      {state.kind === 'signed-in' && !current ? (
        <main id="figures">
          <p>{t('header.noTeams')}</p>
        </main>
      ) : null}
    </div>
  );
}
