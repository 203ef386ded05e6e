import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ZanError } from '../../shared/reply';
import { en } from './en';
import { ru } from './ru';

/** Languages of the interface (Kazakh follows). The laws keep their own language whatever this is. */
export const UI_LANGUAGES = ['ru', 'en'] as const;
/** A language of the interface. */
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const STORAGE_KEY = 'zan.uiLanguage';

/** The interface language chosen before, or Russian. */
export function savedUiLanguage(): UiLanguage {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return saved === 'en' || saved === 'ru' ? saved : 'ru';
}

/** Switches the interface language and remembers the choice. */
export async function setUiLanguage(lang: UiLanguage): Promise<void> {
  globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  await i18next.changeLanguage(lang);
}

/** Starts i18next with the bundled strings (no network: everything ships with the app). */
export async function initI18n(): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { ru: { translation: ru }, en: { translation: en } },
    lng: savedUiLanguage(),
    fallbackLng: 'ru',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

/** A translated message for an error from the bridge (by its code) or any other error. */
export function errorMessage(error: unknown): string {
  if (error instanceof ZanError) return i18next.t(`errors.${error.code}`, { message: error.message });
  return i18next.t('errors.generic', { message: error instanceof Error ? error.message : String(error) });
}
