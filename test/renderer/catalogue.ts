import { CATALOGUES } from '../../renderer/i18n';

/** A language of the interface, as the catalogues are keyed. */
export type Language = keyof typeof CATALOGUES;

/** Every interface language with its catalogue. */
export const LANGUAGES = Object.keys(CATALOGUES) as Language[];

const PLURAL = /^(.*)_(zero|one|two|few|many|other)$/;

/** The plural categories a language's numbers take (what i18next suffixes keys with). */
export function pluralForms(lang: string): string[] {
  return [...new Intl.PluralRules(lang).resolvedOptions().pluralCategories].sort();
}

/** Every string of a catalogue by its dotted key (`import.notes_one`). */
export function leaves(node: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(node as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (typeof value === 'string') out.set(key, value);
    else for (const [k, v] of leaves(value, key)) out.set(k, v);
  }
  return out;
}

/**
 * A catalogue's keys with each plural family counted once, under its base key, and what is wrong
 * with its families: a family without exactly the language's own forms, or a key that is both
 * plain and a family.
 */
export function keysOf(lang: Language): { keys: Set<string>; families: Map<string, string[]>; problems: string[] } {
  const families = new Map<string, string[]>();
  const plain = new Set<string>();
  for (const key of leaves(CATALOGUES[lang]).keys()) {
    const m = PLURAL.exec(key);
    if (m) families.set(m[1] as string, [...(families.get(m[1] as string) ?? []), m[2] as string]);
    else plain.add(key);
  }
  const forms = pluralForms(lang).join(',');
  const problems: string[] = [];
  for (const [base, got] of families) {
    if ([...got].sort().join(',') !== forms) problems.push(`${base}: has ${[...got].sort().join(',')}, ${lang} needs ${forms}`);
    if (plain.has(base)) problems.push(`${base}: both a plain key and a plural family`);
  }
  return { keys: new Set([...plain, ...families.keys()]), families, problems };
}

/** The strings a key stands for in a language: the string itself, or every form of its plural family; none if missing. */
export function stringsOf(lang: Language, key: string): string[] {
  const all = leaves(CATALOGUES[lang]);
  const own = all.get(key);
  if (own !== undefined) return [own];
  return pluralForms(lang).flatMap((form) => {
    const s = all.get(`${key}_${form}`);
    return s === undefined ? [] : [s];
  });
}

/** Whether a key is a plural family (called with `count`) in a language. */
export function isPlural(lang: Language, key: string): boolean {
  return keysOf(lang).families.has(key);
}

/** The names of a string's placeholders (`{{count}}`, `{{file}}`). */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w]+)[^}]*\}\}/g)].map((m) => m[1] as string);
}
