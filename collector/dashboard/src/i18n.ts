/**
 * i18next with both languages bundled. The language comes from `?lang=` or the browser's
 * preference; changing it flips the document's direction, so the page mirrors for Hebrew.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

import en from './en.json';
import he from './he.json';

export type Language = 'en' | 'he';
export const LANGUAGES: readonly Language[] = ['en', 'he'];

export function initialLanguage(search: string, preferred: readonly string[]): Language {
  const asked = new URLSearchParams(search).get('lang');
  if (asked === 'en' || asked === 'he') return asked;
  return preferred.some((tag) => tag.toLowerCase().startsWith('he')) ? 'he' : 'en';
}

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, he: { translation: he } },
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes
  showSupportNotice: false,
});

export function applyLanguage(language: Language): Promise<unknown> {
  document.documentElement.lang = language;
  document.documentElement.dir = i18next.dir(language);
  return i18next.changeLanguage(language);
}

export { i18next };
