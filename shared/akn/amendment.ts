import { structuralLabel } from '../amend/label';
import { printUnit } from '../instructions/content';
import type { Provision } from '../law/provision';
import type { Amendment, AmendmentKind, UnitState } from '../amend/types';
import { HEADED_KINDS } from '../law/kinds';
import type { Lang } from '../law/language';
import { lineLabel } from '../law/text/markers';
import { escapeXmlAttribute, escapeXmlText } from '../text/escape';
import { expressionUri, identification, type AknWork } from './frbr';
import { AKN_NS } from './namespace';

/** One act a package amends: how it is cited, and its amendments. */
export interface AknAmendedAct {
  work: AknWork;
  /** The act as the amending law cites it ("Закон Республики Казахстан от … «…»"). */
  citation: string;
  /** The date of the text in force the amendments are made against (YYYY-MM-DD). */
  baseDate: string;
  amendments: readonly Amendment[];
}

/** A package of amendments, as an Akoma Ntoso amendment document. */
export interface AknPackage {
  id: string;
  title: string;
  lang: Lang;
  /** The document's date (YYYY-MM-DD). */
  date: string;
  acts: readonly AknAmendedAct[];
  /** Why each amendment is made (the gaps it targets and what people wrote), by uid. */
  justifications: ReadonlyMap<string, string>;
}

/** Akoma Ntoso's kinds of textual modification for ours. A move changes where a unit stands: a substitution of its place. */
const MOD_TYPE: Record<AmendmentKind, string> = {
  words: 'substitution',
  restate: 'substitution',
  insert: 'insertion',
  repeal: 'repeal',
  renumber: 'renumbering',
  move: 'substitution',
};

const wording = (lang: Lang, u: UnitState | null) => (u ? `${lineLabel(lang, u.kind, u.num)}${HEADED_KINDS.has(u.kind) ? [u.heading, u.text].filter(Boolean).join('\n') : u.text}` : '');

/**
 * A package as an Akoma Ntoso `amendment` document: each modification once in the body
 * (`<mod>` with the old and new wording as `<quotedText>`, grouped by the act it amends), once in
 * the analysis (`<textualMod>` with its type, its source and its destination: the amended act's
 * expression and the unit's eId), and its justification in `<amendmentJustification>`.
 */
export function aknAmendmentDocument(pkg: AknPackage): string {
  const lang = pkg.lang;
  const docUri = `/akn/kz/amendment/${pkg.date}/${pkg.id.replace(/[^\p{L}\p{N}-]+/gu, '-')}`;
  const textualMods: string[] = [];
  const content: string[] = [];
  const justification: string[] = [];
  let n = 0;
  pkg.acts.forEach((act, i) => {
    const target = expressionUri(act.work, lang, act.baseDate);
    const mods = act.amendments.map((a) => {
      n += 1;
      const mod = `mod_${n}`;
      const label = structuralLabel(a.path, lang);
      const oldText = wording(lang, a.base);
      // A new unit is quoted whole, with the new units under it, as the amending law quotes it.
      const newText = a.kind === 'repeal' || !a.proposed ? '' : a.kind === 'insert' ? printUnit({ ...a.proposed, eId: '', children: (a.insertedChildren ?? []).map(function unit(c): Provision { return { ...c, eId: '', children: c.children.map(unit) }; }) }, lang) : wording(lang, a.proposed);
      const quoted = [oldText ? `<quotedText eId="${mod}__qtext_old">${escapeXmlText(oldText)}</quotedText>` : '', newText ? `<quotedText eId="${mod}__qtext_new">${escapeXmlText(newText)}</quotedText>` : ''].filter(Boolean).join(' → ');
      textualMods.push(
        `<textualMod type="${MOD_TYPE[a.kind]}" eId="${mod}__tmod"><source href="#${mod}"/><destination href="${escapeXmlAttribute(`${target}/!main~${a.eId}`)}"/>${oldText ? `<old href="#${mod}__qtext_old"/>` : ''}${newText ? `<new href="#${mod}__qtext_new"/>` : ''}</textualMod>`,
      );
      const why = pkg.justifications.get(a.uid);
      justification.push(`<p eId="${mod}__justification"><ref href="#${mod}">${escapeXmlText(label)}</ref>: ${escapeXmlText(why || '—')}</p>`);
      return `          <p><mod eId="${mod}" refersTo="#${a.kind}"><ref href="${escapeXmlAttribute(`${target}/!main~${a.eId}`)}">${escapeXmlText(label)}</ref>: ${quoted}</mod></p>`;
    });
    content.push(`        <blockContainer eId="act_${i + 1}">\n          <p>${i + 1}. ${escapeXmlText(act.citation)}</p>\n${mods.join('\n')}\n        </blockContainer>`);
  });
  const kinds = [...new Set(pkg.acts.flatMap((a) => a.amendments.map((x) => x.kind)))];
  return `<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="${AKN_NS}">
  <amendment name="amendment">
    <meta>
    ${identification(docUri, lang, pkg.date, pkg.date, '#zan')}
${textualMods.length ? `      <analysis source="#zan">
        <activeModifications>
          ${textualMods.join('\n          ')}
        </activeModifications>
      </analysis>
` : ''}      <references source="#zan">
        <TLCOrganization eId="zan" href="/ontology/organization/kz/zan-workbench" showAs="Zan Workbench"/>
${kinds.map((k) => `        <TLCConcept eId="${k}" href="/ontology/concept/zan/amendment/${k}" showAs="${k}"/>`).join('\n')}
      </references>
    </meta>
    <preface>
      <p><docTitle>${escapeXmlText(pkg.title)}</docTitle></p>
    </preface>
    <amendmentBody>
      <amendmentContent eId="content" xml:lang="${lang}">
${content.join('\n') || '        <p/>'}
      </amendmentContent>
      <amendmentJustification eId="justification">
        ${justification.join('\n        ') || '<p/>'}
      </amendmentJustification>
    </amendmentBody>
  </amendment>
</akomaNtoso>
`;
}
