import { HEADED_KINDS, lineLabel, type LawDoc, type Provision } from '../../shared/law';

/**
 * The lines a law prints, in order: each unit's label and heading or text, then an article's own
 * text; with `notes`, each unit's footnotes after its own lines (the consolidated text's order).
 */
export function lawLines(doc: LawDoc, options: { notes?: boolean } = {}): string[] {
  const out: string[] = [];
  const walk = (units: readonly Provision[]) => {
    for (const u of units) {
      const headed = HEADED_KINDS.has(u.kind);
      out.push(...`${lineLabel(doc.lang, u.kind, u.num)}${headed ? u.heading : u.text}`.split('\n'));
      if (headed && u.text) out.push(...u.text.split('\n'));
      if (options.notes) out.push(...u.notes);
      walk(u.children);
    }
  };
  walk(doc.body);
  return out.filter(Boolean);
}
