/**
 * The markup views of a draft, as Word has them, in the workbench's terms: every change marked; only
 * the approved changes applied (the others shown as the text in force); the final text (the draft,
 * no marks); the text in force. The editor's marks carry what a view needs (`zan-ins` / `zan-del`,
 * the unit's kind, `zan-approved`), so a view is a class on the editor's page and styles.css does the
 * rest: the text does not change, nothing is re-derived.
 */
export const MARKUP_VIEWS = ['all', 'approved', 'final', 'base'] as const;

/** A markup view of a draft. */
export type MarkupView = (typeof MARKUP_VIEWS)[number];

/** Whether the drafter can type in a view: not where some of the changes are hidden (the typing would be). */
export function editableIn(view: MarkupView): boolean {
  return view === 'all' || view === 'final';
}

const KEY = 'zan.markupView';

/** The view chosen last in this window (it survives a reopen of the draft), or all changes. */
export function savedMarkupView(): MarkupView {
  const saved = globalThis.sessionStorage?.getItem(KEY);
  return (MARKUP_VIEWS as readonly string[]).includes(saved ?? '') ? (saved as MarkupView) : 'all';
}

/** Remembers the view for this window. */
export function saveMarkupView(view: MarkupView): void {
  globalThis.sessionStorage?.setItem(KEY, view);
}
