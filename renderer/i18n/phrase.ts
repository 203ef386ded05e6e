import i18next from 'i18next';
import { errorMessage } from './index';

/**
 * A line a view shows later (a status, a result, an error), kept untranslated: a translated string
 * in React state would stay in the old language after the interface language changes, a phrase is
 * said again in the new one on the next render. Values may themselves be phrases (a unit's kind).
 */
export type Phrase = { readonly key: string; readonly values?: Readonly<Record<string, unknown>> } | { readonly error: unknown };

/** A phrase of the catalogue: its key and the values it is filled with. */
export function phrase(key: string, values?: Readonly<Record<string, unknown>>): Phrase {
  return values ? { key, values } : { key };
}

/** A phrase that says what went wrong (errorMessage(), in the language of the moment). */
export function failure(error: unknown): Phrase {
  return { error };
}

/** A phrase in the current interface language (call it while rendering, so that it follows a switch). */
export function say(p: Phrase): string {
  if ('error' in p) return errorMessage(p.error);
  if (!p.values) return i18next.t(p.key);
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(p.values)) values[name] = isPhrase(value) ? say(value) : value;
  return i18next.t(p.key, values);
}

function isPhrase(value: unknown): value is Phrase {
  return typeof value === 'object' && value !== null && ('key' in value || 'error' in value) && Object.keys(value).every((k) => k === 'key' || k === 'values' || k === 'error');
}
