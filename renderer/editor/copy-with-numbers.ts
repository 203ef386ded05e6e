import type { Node as PMNode, Slice } from 'prosemirror-model';
import { Plugin } from 'prosemirror-state';
import { inlineToText, isUnitNode, type Lang } from '../../shared/law';
import { lineLabel } from '../../shared/law/text/markers';
import { escapeXmlText } from '../../shared/text/escape';

/** One copied line: the unit's label ("3. ", "Статья 5. ", none for a part or a cut-off start) and its text. */
export interface CopiedLine {
  label: string;
  text: string;
  /** An article's (or chapter's, section's) heading line: bold in the copied HTML. */
  heading: boolean;
}

/**
 * The lines of a copied piece of a law, each with its unit's number as the law prints it — the
 * numbers are drawn apart from the text (they cannot be selected), so a plain copy would drop them
 * and a paste into Word would lose "3." and "1)". A line cut off at its start (the selection began
 * inside it) has no label: it is not the start of the unit.
 */
export function copiedLines(slice: Slice, lang: Lang, cutAtStart: boolean): CopiedLine[] {
  const lines: CopiedLine[] = [];
  let first = true;
  const walk = (node: PMNode, unit: PMNode | null) => {
    if (isUnitNode(node)) {
      node.forEach((child) => walk(child, node));
      return;
    }
    if (!node.isTextblock) {
      node.forEach((child) => walk(child, unit));
      return;
    }
    const cut = first && cutAtStart;
    first = false;
    const kind = unit?.type.name ?? '';
    const isHeading = node.type.name === 'heading';
    // A unit with a heading (an article) is labelled on its heading line; its text follows unlabelled.
    const labelled = !!unit && !cut && (isHeading || !unit.firstChild || unit.firstChild.type.name !== 'heading');
    lines.push({ label: labelled ? lineLabel(lang, kind, unit.attrs['num'] as string) : '', text: inlineToText(node), heading: isHeading });
  };
  slice.content.forEach((node) => walk(node, null));
  return lines;
}

/** The copied lines as plain text (one line per unit, as the law prints them). */
export function copiedText(lines: readonly CopiedLine[]): string {
  return lines.map((l) => `${l.label}${l.text}`.replace(/\s+$/u, '')).join('\n');
}

/** The copied lines as HTML for Word: one paragraph per line, headings bold. */
export function copiedHtml(lines: readonly CopiedLine[]): string {
  return lines.map((l) => `<p>${l.heading ? `<b>${escapeXmlText(l.label + l.text)}</b>` : escapeXmlText(l.label + l.text).replace(/\n/g, '<br>')}</p>`).join('');
}

/** Copy (and cut) in the editor put the units' numbers into the clipboard, as text and as HTML. */
export function copyWithNumbersPlugin(lang: Lang): Plugin {
  const handler = (cut: boolean) => (view: import('prosemirror-view').EditorView, event: Event) => {
    const e = event as ClipboardEvent;
    const { selection } = view.state;
    if (selection.empty || !e.clipboardData) return false;
    const lines = copiedLines(selection.content(), lang, selection.$from.parentOffset > 0);
    e.clipboardData.setData('text/plain', copiedText(lines));
    e.clipboardData.setData('text/html', copiedHtml(lines));
    e.preventDefault();
    if (cut && view.editable) view.dispatch(view.state.tr.deleteSelection().scrollIntoView().setMeta('uiEvent', 'cut'));
    return true;
  };
  return new Plugin({ props: { handleDOMEvents: { copy: handler(false), cut: handler(true) } } });
}
