/**
 * i18next with both languages bundled (no network). Changing the language also flips the
 * document's direction, so the whole layout mirrors for Hebrew.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

import type { Language } from '../../../preload/contract';

import en from './en.json';
import he from './he.json';

export const resources = { en: { translation: en }, he: { translation: he } } as const;

void i18next.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  showSupportNotice: false,
});

export function applyLanguage(language: Language): Promise<unknown> {
  document.documentElement.lang = language;
  document.documentElement.dir = i18next.dir(language);
  return i18next.changeLanguage(language);
}

export { i18next };
