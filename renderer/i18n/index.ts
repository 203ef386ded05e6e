import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../../shared/law';
import { eIdLabel } from '../../shared/amend/label';
import { ZanError, type MessageParams } from '../../shared/reply';
import { en } from './en';
import { kk } from './kk';
import { ru } from './ru';

/** Languages of the interface, in the order the selector offers them. The laws keep their own language whatever this is. */
export const UI_LANGUAGES = ['kk', 'ru', 'en'] as const;
/** A language of the interface. */
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Each interface language by its own name (a language is looked for under the name its readers know). */
export const UI_LANGUAGE_NAMES: Record<UiLanguage, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

/** The bundled catalogues by language (the catalogue test reads them from here too). */
export const CATALOGUES = { kk, ru, en } as const;

const STORAGE_KEY = 'zan.uiLanguage';

function isUiLanguage(value: unknown): value is UiLanguage {
  return (UI_LANGUAGES as readonly unknown[]).includes(value);
}

/** The interface language chosen before, or Russian. */
export function savedUiLanguage(): UiLanguage {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return isUiLanguage(saved) ? saved : 'ru';
}

/** Switches the interface language and remembers the choice. */
export async function setUiLanguage(lang: UiLanguage): Promise<void> {
  globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  await i18next.changeLanguage(lang);
}

/**
 * Which language's version of a text kept in all three (a gap's name, description, instrument)
 * the interface shows: its own.
 */
export function uiTextLang(language: string): Lang {
  return language === 'kk' || language === 'en' ? language : 'ru';
}

/** Starts i18next with the bundled strings (no network: everything ships with the app). */
export async function initI18n(): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { kk: { translation: kk }, ru: { translation: ru }, en: { translation: en } },
    lng: savedUiLanguage(),
    fallbackLng: 'ru',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

/** A message's values as i18next interpolates them: a list is shown joined ("Статья 5, пункт 4; Статья 7"). */
function interpolated(params: MessageParams | undefined): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params ?? {})) values[name] = typeof value === 'string' || typeof value === 'number' ? value : value.join('; ');
  // Units named by eId (a parity refusal) are named in the interface's language, then the laws named whole.
  if (params && Array.isArray(params.eIds)) {
    values.units = [...(params.eIds as readonly string[]).map((e) => eIdLabel(e, uiTextLang(i18next.language))), ...(Array.isArray(params.laws) ? (params.laws as readonly string[]) : [])].join('; ');
  }
  return values;
}

/**
 * A translated message for an error from the bridge or any other error: the main process's message
 * id (`messages.<key>`, filled with its params) when the catalogue has it; else the code's text
 * with the English message.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ZanError) {
    if (error.key) {
      // The English message stays available to a translation that has nothing better to say.
      const values = { ...interpolated(error.params), message: error.message };
      if (i18next.exists(`messages.${error.key}`, values)) return i18next.t(`messages.${error.key}`, values);
    }
    return i18next.t(`errors.${error.code}`, { message: error.message });
  }
  return i18next.t('errors.generic', { message: error instanceof Error ? error.message : String(error) });
}
