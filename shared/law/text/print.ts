import { HEADED_KINDS } from '../kinds';
import type { LawDoc, Provision } from '../provision';
import { MARKERS, type HeadingKind } from './markers';

/**
 * Prints a law in the canonical plain-text format (resources/corpus/FORMAT.md): one blank line
 * before each section, chapter and article heading and none elsewhere, ending with a newline.
 * parseLaw(printLaw(doc)) gives back the same tree (up to uids), and printing a parsed canonical
 * text gives back the same text.
 */
export function printLaw(doc: LawDoc): string {
  const lines: string[] = [];
  const markers = MARKERS[doc.lang];
  const emit = (unit: Provision): void => {
    if (HEADED_KINDS.has(unit.kind)) {
      if (lines.length > 0) lines.push('');
      const label = markers.label(unit.kind as HeadingKind, unit.num);
      lines.push(unit.heading ? `${label} ${unit.heading}` : label);
    } else {
      const [first = '', ...rest] = unit.text.split('\n');
      const label = unit.kind === 'paragraph' ? `${unit.num}.` : unit.kind === 'subparagraph' ? `${unit.num})` : '';
      lines.push(label && first ? `${label} ${first}` : label || first);
      lines.push(...rest);
    }
    lines.push(...unit.notes);
    unit.children.forEach(emit);
  };
  doc.body.forEach(emit);
  return `${lines.join('\n')}\n`;
}
