/** The languages a law is written in: the two official ones and the unofficial English translation. */
export type Lang = 'ru' | 'kk' | 'en';

/** Every supported language, in the order the UI lists them. */
export const LANGS: readonly Lang[] = ['ru', 'kk', 'en'];

/** Whether a string names a supported language. */
export function isLang(value: unknown): value is Lang {
  return value === 'ru' || value === 'kk' || value === 'en';
}
