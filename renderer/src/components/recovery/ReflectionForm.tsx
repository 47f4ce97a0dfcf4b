import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { HelpedTag } from '../../../../preload/contract';
import { useRecoveryStore } from '../../stores/recovery-store';
import { useReflectionStore, type ReflectionDraft } from '../../stores/reflection-store';
import { Modal } from '../Modal';

import { ScaleField } from './ScaleField';
import { isolate } from '../format';
import { useErrorText, type ShownError } from '../../i18n/error-text';

/**
 * The optional reflection after a break, as a modal: how the agent feels now, how hard the call
 * was, what they felt and thought, what helped, whether it was about them, and whether to talk
 * with their lead. Skippable; Escape puts it off (the draft is kept, and while a call rings it
 * gives way the same way); the notes stay in the journal on this machine.
 */
export function ReflectionForm({ breakId, open }: { breakId: number; open: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const draft = useReflectionStore((store) => store.draftFor(breakId));
  const [missing, setMissing] = useState(false);
  const [failure, setFailure] = useState<ShownError | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const update = (patch: Partial<ReflectionDraft>) => useReflectionStore.getState().update(breakId, patch);
  const toggleHelped = (tag: HelpedTag) =>
    update({
      helped: draft.helped.includes(tag)
        ? draft.helped.filter((known) => known !== tag)
        : [...draft.helped, tag],
    });

  async function save(event: FormEvent) {
    event.preventDefault();
    const { mood, difficulty } = draft;
    if (mood === null || difficulty === null) {
      setMissing(true);
      // Focus the first unanswered scale, so an incomplete save is never silent.
      const first = mood === null ? 'mood' : 'difficulty';
      return form.current?.querySelector<HTMLInputElement>(`input[name="${first}"]`)?.focus();
    }
    const error = await useRecoveryStore.getState().saveReflection({ ...draft, breakId, mood, difficulty });
    setFailure(error);
  }

  const required = (value: number | null) =>
    missing && value === null ? t('recovery.reflection.required') : null;
  return (
    <Modal
      open={open}
      className="reflection"
      testId="reflection"
      initialFocus={heading}
      onDismiss={() => useReflectionStore.getState().setDeferred(breakId)}
      title={
        <h1 ref={heading} tabIndex={-1}>
          {t('recovery.reflection.title')}
        </h1>
      }
    >
      <form ref={form} className="reflection__form" onSubmit={(event) => void save(event)}>
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
              <input
                type="checkbox"
                checked={draft.helped.includes(tag)}
                onChange={() => toggleHelped(tag)}
              />
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
        {failure && <p role="alert">{t('recovery.failed', { message: isolate(errorText(failure)) })}</p>}
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
          <button
            type="button"
            className="button button--quiet"
            onClick={() => useReflectionStore.getState().setDeferred(breakId)}
          >
            {t('recovery.reflection.later')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
