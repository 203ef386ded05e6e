/** The plural categories i18next suffixes keys with (JSON v4: `key_one`, `key_few` …), after Intl.PluralRules. */
export type PluralForm = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/** The plural forms Russian distinguishes (1 статья, 2 статьи, 5 статей, 1,5 статьи). */
export type RussianForms = 'one' | 'few' | 'many' | 'other';

/** The plural forms English and Kazakh distinguish (Kazakh nouns stay singular after a numeral, but CLDR still has `one`). */
export type OneOtherForms = 'one' | 'other';

type PluralBase<K> = K extends `${infer B}_other` ? B : never;

/**
 * A catalogue with the same keys as `T` (the English one), where each plural family (`x_one`,
 * `x_other`) has instead the forms `F` of the catalogue's own language. Written as a type so
 * that a key missing in one language fails the typecheck, not only the catalogue test.
 */
export type Catalogue<T, F extends PluralForm> = T extends string
  ? string
  : { [K in keyof T as K extends `${string}_${PluralForm}` ? never : K]: Catalogue<T[K], F> } & {
      [K in keyof T as K extends string ? (PluralBase<K> extends never ? never : `${PluralBase<K>}_${F}`) : never]: string;
    };
