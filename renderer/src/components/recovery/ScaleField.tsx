import { useTranslation } from 'react-i18next';

interface Props {
  name: string;
  legend: string;
  /** Translation key prefix of the words at both ends ("…low", "…high"). */
  ends: string;
  value: number | null;
  onChange(value: number): void;
  error?: string | null;
}

const POINTS = [1, 2, 3, 4, 5];

/** A 1–5 scale as radio buttons in a fieldset, with its two ends named. */
export function ScaleField({ name, legend, ends, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const errorId = `${name}-error`;
  return (
    <fieldset className="scale" aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      <span className="scale__end">{t(`${ends}.low`)}</span>
      {POINTS.map((point) => (
        <label key={point} className="scale__point">
          <input type="radio" name={name} checked={value === point} onChange={() => onChange(point)} />
          {point}
        </label>
      ))}
      <span className="scale__end">{t(`${ends}.high`)}</span>
      {error && (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
