import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { TurnLogins as Logins } from '../../../preload/contract';
import { bridge } from '../bridge';
import { useAudioStore } from '../stores/audio-store';

/** One TURN server's login: the credential is sent once and never shown again, only "stored". */
function TurnLoginForm({
  url,
  logins,
  onSaved,
}: {
  url: string;
  logins: Logins;
  onSaved(next: Logins): void;
}) {
  const { t } = useTranslation();
  const known = logins.logins.find((login) => login.url === url);
  const [username, setUsername] = useState(known?.username ?? '');
  const [credential, setCredential] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await bridge().settings.setTurnLogin({ url, username, credential });
    if (!result.ok) return setFailure(t('turnLogins.refused'));
    setFailure(null);
    setCredential('');
    onSaved(result.value);
    const preferences = useAudioStore.getState().preferences;
    if (preferences) await useAudioStore.getState().control?.applyPreferences(preferences);
  };
  const id = `turn-${url}`;
  return (
    <form aria-label={url} onSubmit={(event) => void submit(event)}>
      <p dir="ltr">{url}</p>
      <div className="field">
        <label htmlFor={`${id}-user`}>{t('turnLogins.username')}</label>
        <input id={`${id}-user`} dir="ltr" value={username} onChange={(e) => setUsername(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-credential`}>{t('turnLogins.credential')}</label>
        <input
          id={`${id}-credential`}
          type="password"
          dir="ltr"
          autoComplete="off"
          value={credential}
          onChange={(e) => setCredential(e.target.value)}
        />
      </div>
      {known?.hasCredential && <p role="status">{t('turnLogins.stored')}</p>}
      {failure && <p role="alert">{failure}</p>}
      <button type="submit" className="button" disabled={!username.trim() || !credential}>
        {t('turnLogins.save')}
      </button>
    </form>
  );
}

/** The logins of the TURN servers in the call settings (turn: and turns: URLs). */
export function TurnLogins({ iceServers }: { iceServers: string[] }) {
  const { t } = useTranslation();
  const [logins, setLogins] = useState<Logins | null>(null);
  useEffect(() => {
    void bridge()
      .settings.getTurnLogins()
      .then((result) => result.ok && setLogins(result.value));
  }, [iceServers]);
  const turnUrls = iceServers.filter((url) => /^turns?:/i.test(url));
  if (!logins || turnUrls.length === 0) return null;
  return (
    <section className="settings-section" aria-labelledby="turn-logins-title">
      <h2 id="turn-logins-title">{t('turnLogins.title')}</h2>
      {logins.storage === 'session-only' && <p className="field__hint">{t('turnLogins.sessionOnly')}</p>}
      {turnUrls.map((url) => (
        <TurnLoginForm key={url} url={url} logins={logins} onSaved={setLogins} />
      ))}
    </section>
  );
}
