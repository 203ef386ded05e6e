/**
 * The kinds of structural unit a law is made of, from the largest to the smallest.
 * A `part` is an unnumbered paragraph (часть / бөлік), addressed by position.
 */
export type ProvisionKind = 'section' | 'chapter' | 'article' | 'part' | 'paragraph' | 'subparagraph';

/** Every kind, outermost first. */
export const PROVISION_KINDS: readonly ProvisionKind[] = [
  'section',
  'chapter',
  'article',
  'part',
  'paragraph',
  'subparagraph',
];

/** Whether a string names a provision kind. */
export function isProvisionKind(value: unknown): value is ProvisionKind {
  return typeof value === 'string' && (PROVISION_KINDS as readonly string[]).includes(value);
}

/** Kinds whose label is a heading line (`Статья 5. Заголовок`) rather than a numbered text. */
export const HEADED_KINDS: ReadonlySet<ProvisionKind> = new Set(['section', 'chapter', 'article']);

/** Kinds that carry a number; a `part` is addressed by its position instead. */
export function isNumbered(kind: ProvisionKind): boolean {
  return kind !== 'part';
}

/** The parent of a unit: another unit, or the law itself (`root`). */
export type ParentKind = ProvisionKind | 'root';

/**
 * Which kinds may stand under which parent. The ProseMirror schema (schema.ts) states the same
 * rules as content expressions, with the order among them; this table lets code without a schema
 * (the store, the JSON reader) check a tree.
 */
export const ALLOWED_CHILDREN: Readonly<Record<ParentKind, readonly ProvisionKind[]>> = {
  root: ['part', 'section', 'chapter', 'article'],
  section: ['part', 'chapter', 'article'],
  chapter: ['part', 'article'],
  article: ['part', 'paragraph'],
  part: ['subparagraph'],
  paragraph: ['subparagraph'],
  subparagraph: [],
};
