import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aknAct, aknAmendmentDocument, AKN_NS, type AknWork } from '../../../shared/akn';
import { derive } from '../../../shared/amend';
import { isIntro, parseLaw, walkProvisions, type Provision } from '../../../shared/law';
import { allElements, child, parseXml, type XmlElement } from '../../helpers/xml-tree';

const fixtures = join(import.meta.dirname, '../../fixtures/redline');
const base = parseLaw(readFileSync(join(fixtures, 'base.ru.txt'), 'utf8'));
const draft = parseLaw(readFileSync(join(fixtures, 'draft.ru.txt'), 'utf8'));
const work: AknWork = { kind: 'law', date: '2024-07-01', number: '103-VIII', title: 'О научно-технической политике' };

const ELEMENT: Record<Provision['kind'], string> = { section: 'section', chapter: 'chapter', article: 'article', part: 'hcontainer', paragraph: 'paragraph', subparagraph: 'subparagraph' };

describe('Akoma Ntoso act', () => {
  const xml = aknAct(draft, work, '2026-11-27', true);
  const root = parseXml(xml);
  const act = child(root, 'act');

  it('is well-formed AKN: <akomaNtoso> in the AKN namespace, <act> with <meta> (FRBR identification), <preface> and <body>', () => {
    expect(root.name).toBe('akomaNtoso');
    expect(root.ns).toBe(AKN_NS);
    expect(act.children.map((c) => c.name)).toEqual(['meta', 'preface', 'body']);
    const id = child(child(act, 'meta'), 'identification');
    expect(id.children.map((c) => c.name)).toEqual(['FRBRWork', 'FRBRExpression', 'FRBRManifestation']);
    expect(child(child(id, 'FRBRWork'), 'FRBRuri').attrs['value']).toBe('/akn/kz/act/2024-07-01/103-VIII');
    expect(child(child(id, 'FRBRExpression'), 'FRBRlanguage').attrs['language']).toBe('rus');
    expect(allElements(root).every((e) => e.ns === AKN_NS)).toBe(true);
  });

  it('has one element per provision, of its kind, with its eId, num and heading, nested as the law is', () => {
    const byEId = new Map(allElements(child(act, 'body')).filter((e) => e.attrs['eId'] && !e.attrs['eId'].includes('authorialNote')).map((e) => [e.attrs['eId']!, e]));
    let count = 0;
    walkProvisions(draft.body, (unit, parent) => {
      if (isIntro(unit, parent)) {
        // An article's own text is the article's intro (before its points) or content, not an element.
        const article = byEId.get(parent!.eId) as XmlElement;
        expect(child(article, unit.children.length || parent!.children.length > 1 ? 'intro' : 'content').text.trim()).toContain(unit.text);
        return;
      }
      count += 1;
      const el = byEId.get(unit.eId) as XmlElement;
      expect(el, unit.eId).toBeDefined();
      expect(el.name).toBe(ELEMENT[unit.kind]);
      // The element stands inside its parent's element (the points of an article's own text, in the article).
      expect(el.parent?.attrs['eId'] ?? null).toBe((parent?.eId ?? null)?.replace(/__intro$/, '') ?? null);
      if (unit.heading) expect(child(el, 'heading').text).toBe(unit.heading);
      if (unit.kind === 'article') expect(child(el, 'num').text).toBe(`Статья ${unit.num}.`);
      if (unit.kind === 'subparagraph') expect(child(el, 'num').text).toBe(`${unit.num})`);
      if (unit.children.length === 0 && unit.text) expect(child(el, 'content').text.trim()).toBe(unit.text);
      expect(el.attrs['refersTo']).toBe(unit.repealed ? '#repealed' : undefined);
    });
    expect(byEId.size).toBe(count);
    expect(byEId.get('chp_1__art_5-1__para_2')?.parent?.attrs['eId']).toBe('chp_1__art_5-1');
    expect(byEId.get('chp_2__art_7')?.attrs['refersTo']).toBe('#repealed');
    // The concept a repealed unit refers to is declared, as AKN wants every reference to resolve.
    expect(allElements(child(act, 'meta')).some((e) => e.name === 'TLCConcept' && e.attrs['eId'] === 'repealed')).toBe(true);
  });

  it('escapes markup in the text and keeps footnotes as authorial notes, not as norm', () => {
    const law = parseLaw('Статья 1. Термины\n1. Ставка <5% & «льгота».\nСноска. Пункт 1 изменен Законом РК от 01.01.2025 № 1.\n');
    const el = allElements(parseXml(aknAct(law, work, '2026-11-27', false))).find((e) => e.attrs['eId'] === 'art_1__para_1')!;
    const p = child(child(el, 'content'), 'p');
    expect(p.text).toBe('Ставка <5% & «льгота».Сноска. Пункт 1 изменен Законом РК от 01.01.2025 № 1.');
    expect(child(p, 'authorialNote').text).toBe('Сноска. Пункт 1 изменен Законом РК от 01.01.2025 № 1.');
  });

  it('keeps the footnotes of a unit that has units under it, in its own intro', () => {
    const law = parseLaw('Статья 1. Термины\nСноска. Статья 1 изменена Законом РК от 01.01.2025 № 1.\n1. Первый пункт.\n');
    const article = allElements(parseXml(aknAct(law, work, '2026-11-27', false))).find((e) => e.attrs['eId'] === 'art_1')!;
    expect(law.body[0]!.notes).toHaveLength(1);
    expect(child(child(child(article, 'intro'), 'p'), 'authorialNote').text).toBe('Сноска. Статья 1 изменена Законом РК от 01.01.2025 № 1.');
    expect(child(article, 'paragraph').attrs['eId']).toBe('art_1__para_1');
  });
});

describe('Akoma Ntoso amendment document of a package', () => {
  const amendments = derive(base, draft);
  const why = new Map([[amendments[0]!.uid, 'Законодательный пробел: безвозмездные гранты & «совместные» проекты']]);
  const xml = aknAmendmentDocument({ id: 'pkg-1', title: 'О внесении изменений', lang: 'ru', date: '2026-11-27', acts: [{ work, citation: 'Закон Республики Казахстан «О научно-технической политике»', baseDate: '2024-07-01', amendments }], justifications: why });
  const root = parseXml(xml);
  const doc = child(root, 'amendment');
  const ids = new Map(allElements(root).filter((e) => e.attrs['eId']).map((e) => [e.attrs['eId']!, e]));

  it('is well-formed with nothing to amend yet (no empty analysis, a placeholder paragraph)', () => {
    const empty = parseXml(aknAmendmentDocument({ id: 'pkg-2', title: 'T', lang: 'en', date: '2026-11-27', acts: [], justifications: new Map() }));
    expect(allElements(empty).some((e) => e.name === 'analysis')).toBe(false);
    expect(allElements(empty).find((e) => e.name === 'amendmentContent')?.children.map((c) => c.name)).toEqual(['p']);
  });

  it('is well-formed, with <meta>, <preface> and <amendmentBody> (content and justification)', () => {
    expect(doc.children.map((c) => c.name)).toEqual(['meta', 'preface', 'amendmentBody']);
    expect(child(doc, 'amendmentBody').children.map((c) => c.name)).toEqual(['amendmentContent', 'amendmentJustification']);
  });

  it('has one <mod> and one <textualMod> per amendment, pointing at the unit it changes, and its justification', () => {
    const mods = allElements(doc).filter((e) => e.name === 'mod');
    const textualMods = allElements(child(doc, 'meta')).filter((e) => e.name === 'textualMod');
    expect(mods).toHaveLength(amendments.length);
    expect(textualMods).toHaveLength(amendments.length);
    textualMods.forEach((t, i) => {
      const a = amendments[i]!;
      expect(t.attrs['type']).toBe({ words: 'substitution', restate: 'substitution', insert: 'insertion', repeal: 'repeal', renumber: 'renumbering', move: 'substitution' }[a.kind]);
      expect(child(t, 'destination').attrs['href']).toBe(`/akn/kz/act/2024-07-01/103-VIII/rus@2024-07-01/!main~${a.eId}`);
      // Every reference inside the document resolves to an element of it.
      for (const ref of t.children.map((c) => c.attrs['href']!).filter((h) => h.startsWith('#'))) expect(ids.has(ref.slice(1)), ref).toBe(true);
    });
    const first = ids.get('mod_1__justification')!;
    expect(first.text).toContain('безвозмездные гранты & «совместные» проекты');
    expect(ids.get('mod_1__qtext_new')!.text).toContain('конкурсной и безвозмездной основе');
  });
});
