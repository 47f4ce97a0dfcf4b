/**
 * The shell's own words (tray, notifications), from the shell's own translation files
 * (`locales/en.json`, `locales/he.json`): main never reads the renderer's folder. The keys keep
 * the renderer's names (`availability.dnd`) so the same status reads the same in both.
 */
import i18next, { type TFunction } from 'i18next';

import type { Language } from '../../preload/contract';
import en from './locales/en.json';
import he from './locales/he.json';

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
