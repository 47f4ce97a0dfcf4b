/**
 * The shell's own words (tray, notifications), from the renderer's translation files, so every
 * string the agent reads is in one place per language.
 */
import i18next, { type TFunction } from 'i18next';

import type { Language } from '../../preload/contract';
import en from '../../renderer/src/i18n/en.json';
import he from '../../renderer/src/i18n/he.json';

const instance = i18next.createInstance();
void instance.init({
  resources: { en: { translation: en }, he: { translation: he } },
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** A translator for the agent's language, read when it is needed (the agent may switch). */
export function shellText(language: Language): TFunction {
  return instance.getFixedT(language);
}
