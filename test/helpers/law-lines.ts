import { HEADED_KINDS, lineLabel, type LawDoc, type Provision } from '../../shared/law';

/** The lines a law prints, in order: each unit's label and heading or text, then an article's own text. */
export function lawLines(doc: LawDoc): string[] {
  const out: string[] = [];
  const walk = (units: readonly Provision[]) => {
    for (const u of units) {
      const headed = HEADED_KINDS.has(u.kind);
      out.push(...`${lineLabel(doc.lang, u.kind, u.num)}${headed ? u.heading : u.text}`.split('\n'));
      if (headed && u.text) out.push(...u.text.split('\n'));
      walk(u.children);
    }
  };
  walk(doc.body);
  return out.filter(Boolean);
}
