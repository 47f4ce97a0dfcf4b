import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import { SetByIt } from './SetByIt';

interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  /** A contract message code (for example 'websocket-url'), shown as a translated sentence. */
  errorCode?: string | undefined;
  hint?: string | undefined;
  type?: 'text' | 'password' | 'url';
  autoComplete?: string;
  dir?: 'ltr' | 'auto';
  /** IT's policy locks this value: read-only, with "set by your IT department". */
  lockedByIt?: boolean;
}

/** A labelled input whose hint and error are linked for screen readers. */
export function TextField({
  label,
  value,
  onChange,
  errorCode,
  hint,
  type = 'text',
  autoComplete = 'off',
  dir,
  lockedByIt = false,
}: TextFieldProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const describedBy =
    [hint && `${id}-hint`, lockedByIt && `${id}-it`, errorCode && `${id}-error`].filter(Boolean).join(' ') ||
    undefined;
  const errorKey = `validation.${errorCode}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        dir={dir}
        autoComplete={autoComplete}
        spellCheck={false}
        readOnly={lockedByIt}
        aria-invalid={errorCode ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {lockedByIt && <SetByIt id={`${id}-it`} />}
      {errorCode && (
        <p id={`${id}-error`} className="field__error">
          {i18n.exists(errorKey) ? t(errorKey) : t('validation.invalid')}
        </p>
      )}
    </div>
  );
}
