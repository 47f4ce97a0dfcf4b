import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { HelpedTag } from '../../../../preload/contract';
import { useRecoveryStore } from '../../stores/recovery-store';

import { ScaleField } from './ScaleField';

interface Draft {
  mood: number | null;
  difficulty: number | null;
  notAboutMe: number | null;
  felt: string;
  thought: string;
  helped: HelpedTag[];
  talkToLead: boolean;
}

const EMPTY: Draft = {
  mood: null,
  difficulty: null,
  notAboutMe: null,
  felt: '',
  thought: '',
  helped: [],
  talkToLead: false,
};

/**
 * The optional reflection after a break: how the agent feels now, how hard the call was, what they
 * felt and thought, what helped, whether it was about them, and whether to talk with their lead.
 * Skippable; the notes stay in the journal on this machine.
 */
export function ReflectionForm({ breakId }: { breakId: number }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [missing, setMissing] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const update = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const toggleHelped = (tag: HelpedTag) =>
    update({
      helped: draft.helped.includes(tag)
        ? draft.helped.filter((known) => known !== tag)
        : [...draft.helped, tag],
    });

  async function save(event: FormEvent) {
    event.preventDefault();
    const { mood, difficulty } = draft;
    if (mood === null || difficulty === null) return setMissing(true);
    const error = await useRecoveryStore.getState().saveReflection({ ...draft, breakId, mood, difficulty });
    setFailure(error?.message ?? null);
  }

  const required = (value: number | null) =>
    missing && value === null ? t('recovery.reflection.required') : null;
  return (
    <form
      className="reflection"
      aria-labelledby={titleId}
      onSubmit={(event) => void save(event)}
      data-testid="reflection"
    >
      <h1 id={titleId} ref={heading} tabIndex={-1}>
        {t('recovery.reflection.title')}
      </h1>
      <p>{t('recovery.reflection.intro')}</p>
      <ScaleField
        name="mood"
        legend={t('recovery.reflection.mood')}
        ends="recovery.reflection.moodEnds"
        value={draft.mood}
        onChange={(mood) => update({ mood })}
        error={required(draft.mood)}
      />
      <ScaleField
        name="difficulty"
        legend={t('recovery.reflection.difficulty')}
        ends="recovery.reflection.difficultyEnds"
        value={draft.difficulty}
        onChange={(difficulty) => update({ difficulty })}
        error={required(draft.difficulty)}
      />
      <label className="field">
        <span className="field__label">{t('recovery.reflection.felt')}</span>
        <textarea
          maxLength={1000}
          rows={2}
          value={draft.felt}
          onChange={(event) => update({ felt: event.target.value })}
        />
      </label>
      <label className="field">
        <span className="field__label">{t('recovery.reflection.thought')}</span>
        <textarea
          maxLength={1000}
          rows={2}
          value={draft.thought}
          onChange={(event) => update({ thought: event.target.value })}
        />
      </label>
      <fieldset>
        <legend>{t('recovery.reflection.helped')}</legend>
        {HelpedTag.options.map((tag) => (
          <label key={tag} className="choice">
            <input type="checkbox" checked={draft.helped.includes(tag)} onChange={() => toggleHelped(tag)} />
            {t(`recovery.helped.${tag}`)}
          </label>
        ))}
      </fieldset>
      <ScaleField
        name="not-about-me"
        legend={t('recovery.reflection.notAboutMe')}
        ends="recovery.reflection.agreeEnds"
        value={draft.notAboutMe}
        onChange={(notAboutMe) => update({ notAboutMe })}
      />
      <label className="choice">
        <input
          type="checkbox"
          checked={draft.talkToLead}
          onChange={(event) => update({ talkToLead: event.target.checked })}
        />
        {t('recovery.reflection.talkToLead')}
      </label>
      <p className="field__hint">{t('recovery.reflection.private')}</p>
      {failure && <p role="alert">{t('recovery.failed', { message: failure })}</p>}
      <div className="reflection__actions">
        <button type="submit" className="button button--primary">
          {t('recovery.reflection.save')}
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => void useRecoveryStore.getState().skipReflection()}
        >
          {t('recovery.reflection.skip')}
        </button>
      </div>
    </form>
  );
}
