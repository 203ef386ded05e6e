import type { Lang } from '../law/language';
import { introOf } from '../law/intro';
import type { LawDoc, Provision } from '../law/provision';
import { lineLabel } from '../law/text/markers';
import { escapeXmlAttribute, escapeXmlText } from '../text/escape';
import { identification, validDate, workUri, type AknWork } from './frbr';
import { AKN_NS } from './namespace';

/** The Akoma Ntoso element of each kind of unit. An unnumbered part (часть) is a generic container. */
const ELEMENT = {
  section: 'section',
  chapter: 'chapter',
  article: 'article',
  part: 'hcontainer',
  paragraph: 'paragraph',
  subparagraph: 'subparagraph',
} as const;

/** A unit's own text as `<p>`s, its footnotes (if any) in the last one, where the consolidated text prints them. */
function ownParagraphs(text: string, notes: string, indent: string): string {
  const lines = text ? text.split('\n').map(escapeXmlText) : [''];
  lines[lines.length - 1] += notes;
  return lines.map((line) => (line ? `${indent}<p>${line}</p>` : `${indent}<p/>`)).join('\n');
}

/** A unit's footnotes as `<authorialNote>`s (their eIds after the unit's). */
function notesXml(notes: readonly string[], eId: string): string {
  return notes.map((n, i) => `<authorialNote marker="${i + 1}" placement="bottom" eId="${escapeXmlAttribute(eId)}__authorialNote_${i + 1}"><p>${escapeXmlText(n)}</p></authorialNote>`).join('');
}

/**
 * One unit as an Akoma Ntoso hierarchical element: `eId` from the unit (chp_1__art_5-1__para_2),
 * `<num>` as printed, `<heading>`, then its own text in `<content>` (a unit without children) or
 * in `<intro>` before its children; an article's own text (its only part, intro.ts) is the
 * article's `<intro>` before its points, or its `<content>`; a repealed unit keeps its stub and
 * refers to the `repealed` concept; footnotes of the consolidated text are `<authorialNote>`s, not
 * normative text (an article's own ones in its heading, its text's in its text).
 */
function unitXml(lang: Lang, unit: Provision, depth: number): string {
  const pad = '  '.repeat(depth);
  const element = ELEMENT[unit.kind];
  const attrs = [`eId="${escapeXmlAttribute(unit.eId)}"`, unit.kind === 'part' ? 'name="part"' : '', unit.repealed ? 'refersTo="#repealed"' : ''].filter(Boolean).join(' ');
  const label = lineLabel(lang, unit.kind, unit.num).trim();
  const lines = [`${pad}<${element} ${attrs}>`];
  if (label) lines.push(`${pad}  <num>${escapeXmlText(label)}</num>`);
  const intro = introOf(unit);
  const ownNotes = notesXml(unit.notes, unit.eId);
  if (unit.heading || (intro && ownNotes)) lines.push(`${pad}  <heading>${escapeXmlText(unit.heading)}${intro ? ownNotes : ''}</heading>`);
  if (intro) {
    const rest = unit.children.filter((c) => c !== intro);
    const text = ownParagraphs(intro.text, notesXml(intro.notes, intro.eId), `${pad}    `);
    if (intro.children.length === 0 && rest.length === 0) lines.push(`${pad}  <content>`, text, `${pad}  </content>`);
    else {
      lines.push(`${pad}  <intro>`, text, `${pad}  </intro>`);
      for (const child of [...intro.children, ...rest]) lines.push(unitXml(lang, child, depth + 1));
    }
  } else if (unit.children.length === 0) {
    // Every hierarchical element needs content; a heading-only article has an empty paragraph.
    lines.push(`${pad}  <content>`, ownParagraphs(unit.text, ownNotes, `${pad}    `), `${pad}  </content>`);
  } else {
    if (unit.text || ownNotes) lines.push(`${pad}  <intro>`, ownParagraphs(unit.text, ownNotes, `${pad}    `), `${pad}  </intro>`);
    for (const child of unit.children) lines.push(unitXml(lang, child, depth + 1));
  }
  lines.push(`${pad}</${element}>`);
  return lines.join('\n');
}

/**
 * A law (in force or a draft) as an Akoma Ntoso act: FRBR identification (the work, its
 * expression in the law's language as of a date, the manifestation), the title, and the body with
 * the whole hierarchy. `asOf`: the expression's date (YYYY-MM-DD); `draft` marks it as a draft.
 */
export function aknAct(law: LawDoc, work: AknWork, asOf: string, draft: boolean): string {
  const body = law.body.map((u) => unitXml(law.lang, u, 3)).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="${AKN_NS}">
  <act name="${work.kind}">
    <meta>
    ${identification(workUri(work), law.lang, asOf, validDate(work.date) ?? asOf, '#parliament')}
      <publication date="${escapeXmlAttribute(validDate(work.date) ?? asOf)}" name="${draft ? 'draft' : 'consolidated'}" showAs="${draft ? 'Draft' : 'Consolidated text'}"${draft ? ' refersTo="#draft"' : ''}/>
      <references source="#zan">
        <TLCOrganization eId="zan" href="/ontology/organization/kz/zan-workbench" showAs="Zan Workbench"/>
        <TLCOrganization eId="parliament" href="/ontology/organization/kz/parliament" showAs="Parliament of the Republic of Kazakhstan"/>
        <TLCConcept eId="repealed" href="/ontology/concept/kz/repealed" showAs="Repealed (kept as a stub)"/>${draft ? '\n        <TLCConcept eId="draft" href="/ontology/concept/kz/draft" showAs="Draft"/>' : ''}
      </references>
    </meta>
    <preface>
      <longTitle><p><docTitle>${escapeXmlText(work.title)}</docTitle></p></longTitle>
    </preface>
    <body>
${body}
    </body>
  </act>
</akomaNtoso>
`;
}
