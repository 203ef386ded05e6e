import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derive, rebase, RebaseError } from '../../../shared/amend';
import { printLaw, validateLaw, walkProvisions, type Provision } from '../../../shared/law';
import { draftOf, law } from './helpers';
import { editArb, edited, lawArb } from '../instructions/random-drafts';
import { propertyParams } from '../../helpers/property';

const OLD = law(`Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ

Статья 1. Основные понятия
1. Грант – средства на конкурсной основе.
2. Консорциум – объединение организаций высшего образования.

Статья 2. Советы
1. Советы создаются при государственных органах.
2. Советы отчитываются ежегодно.

Статья 3. Финансирование
1. Финансирование осуществляется из бюджета.
`);

/** The new text in force, made from the old one (the same lineage, as the importer aligns it). */
const newLaw = (edit: Parameters<typeof draftOf>[1]) => draftOf(OLD, edit);
const text = (doc: ReturnType<typeof law>) => printLaw(doc);

describe('rebasing a draft onto a new text in force', () => {
  it("merges cleanly when the law and the draft changed different provisions, and adds the law's new units", () => {
    const theirs = newLaw((units, find) => {
      find('chp_1__art_2__para_2').text = 'Советы отчитываются ежеквартально.';
      const article = find('chp_1__art_3');
      article.children.push({ ...article.children[0]!, uid: 'law-new', num: '2', text: 'Средства используются по целевому назначению.', children: [] });
      void units;
    });
    const mine = draftOf(OLD, (_, find) => {
      find('chp_1__art_1__para_2').text = 'Консорциум – объединение университетов.';
      const article = find('chp_1__art_1');
      article.children.push({ ...article.children[0]!, uid: 'draft-new', num: '3', text: 'Индустриальный партнер – юридическое лицо.', children: [] });
    });
    const { merged, carried, conflicts } = rebase(OLD, theirs, mine);
    expect(conflicts).toEqual([]);
    expect(carried).toBe(2);
    const out = text(merged);
    expect(out).toContain('2. Консорциум – объединение университетов.');
    expect(out).toContain('3. Индустриальный партнер – юридическое лицо.');
    expect(out).toContain('2. Советы отчитываются ежеквартально.');
    expect(out).toContain('2. Средства используются по целевому назначению.');
  });

  it("lists a provision both changed differently as a conflict, keeps the law's wording and records the draft's", () => {
    const theirs = newLaw((_, find) => void (find('chp_1__art_2__para_1').text = 'Советы создаются при центральных органах.'));
    const mine = draftOf(OLD, (_, find) => {
      find('chp_1__art_2__para_1').text = 'Советы создаются при уполномоченном органе.';
      find('chp_1__art_3__para_1').text = 'Финансирование осуществляется из бюджета и внебюджетных средств.';
    });
    const { merged, carried, conflicts } = rebase(OLD, theirs, mine);
    expect(carried).toBe(1);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      reason: 'both-changed',
      label: 'Статья 2, пункт 1',
      base: { text: 'Советы создаются при государственных органах.' },
      theirs: { text: 'Советы создаются при центральных органах.' },
      mine: { text: 'Советы создаются при уполномоченном органе.' },
    });
    expect(text(merged)).toContain('1. Советы создаются при центральных органах.');
    expect(text(merged)).toContain('1. Финансирование осуществляется из бюджета и внебюджетных средств.');
  });

  it('the same change made by both is taken once, without a question', () => {
    const same = (_: Provision[], find: (eId: string) => Provision) => void (find('chp_1__art_3__para_1').text = 'Финансирование осуществляется из республиканского бюджета.');
    const { merged, conflicts } = rebase(OLD, newLaw(same), draftOf(OLD, same));
    expect(conflicts).toEqual([]);
    expect(text(merged)).toContain('Финансирование осуществляется из республиканского бюджета.');
  });

  it('a provision repealed in the new law: repealed in the merge if the draft left it alone, a conflict if the draft changed it', () => {
    const theirs = newLaw((_, find) => {
      Object.assign(find('chp_1__art_2__para_2'), { text: 'Исключен Законом РК от 30.12.2025 № 245-VIII.', repealed: true });
      Object.assign(find('chp_1__art_3__para_1'), { text: 'Исключен Законом РК от 30.12.2025 № 245-VIII.', repealed: true });
    });
    const mine = draftOf(OLD, (_, find) => void (find('chp_1__art_3__para_1').text = 'Финансирование осуществляется из фонда.'));
    const { merged, conflicts } = rebase(OLD, theirs, mine);
    const out = text(merged);
    expect(out).toContain('2. Исключен Законом РК от 30.12.2025 № 245-VIII.');
    expect(conflicts.map((c) => [c.label, c.reason, c.mine?.text])).toEqual([['Статья 3, пункт 1', 'repealed-in-new-base', 'Финансирование осуществляется из фонда.']]);
    // Until the drafter decides, the merge follows the law: the stub.
    expect(out).toMatch(/Статья 3\. Финансирование\n1\. Исключен/);
  });

  it('a unit the draft added whose number the new law took waits as a conflict', () => {
    const add = (uid: string, body: string) => (_: Provision[], find: (eId: string) => Provision) => {
      const article = find('chp_1__art_3');
      article.children.push({ ...article.children[0]!, uid, num: '2', text: body, children: [] });
    };
    const { merged, conflicts } = rebase(OLD, newLaw(add('law-2', 'Норма закона.')), draftOf(OLD, add('draft-2', 'Норма проекта.')));
    expect(text(merged)).toContain('2. Норма закона.');
    expect(text(merged)).not.toContain('Норма проекта.');
    expect(conflicts.map((c) => [c.reason, c.mine?.text])).toEqual([['no-place', 'Норма проекта.']]);
  });
});

describe('rebase never loses a provision', () => {
  const unitsOf = (doc: ReturnType<typeof law>) => {
    const all = new Map<string, Provision>();
    walkProvisions(doc.body, (u) => void all.set(u.uid, u));
    return all;
  };

  it('a paragraph the draft moved into a new article whose number the law took comes back where the law has it, listed', () => {
    const theirs = newLaw((units, find) => {
      const chapter = units[0]!;
      chapter.children.push({ ...find('chp_1__art_3'), uid: 'law-art-4', num: '4', heading: 'Отчетность', children: [{ ...find('chp_1__art_3__para_1'), uid: 'law-art-4-p1', text: 'Отчеты публикуются.', children: [] }] });
    });
    const mine = draftOf(OLD, (units, find) => {
      const moved = find('chp_1__art_2__para_2');
      find('chp_1__art_2').children.splice(1, 1);
      units[0]!.children.push({ ...find('chp_1__art_3'), uid: 'draft-art-4', num: '4', heading: 'Советы', children: [{ ...moved, num: '1', text: 'Советы отчитываются ежемесячно.' }] });
    });
    const { merged, conflicts } = rebase(OLD, theirs, mine);
    const units = unitsOf(merged);
    expect(units.get(find(OLD, 'chp_1__art_2__para_2').uid)?.text).toBe('Советы отчитываются ежегодно.');
    expect(conflicts.map((c) => [c.uid, c.reason])).toEqual(expect.arrayContaining([['draft-art-4', 'no-place'], [find(OLD, 'chp_1__art_2__para_2').uid, 'no-place']]));
    expect(conflicts.find((c) => c.uid === find(OLD, 'chp_1__art_2__para_2').uid)?.mine?.text).toBe('Советы отчитываются ежемесячно.');
  });

  it('a paragraph the draft took out with its article but the law reworded stays, in the law\'s wording, listed', () => {
    const theirs = newLaw((_, find) => void (find('chp_1__art_2__para_1').text = 'Советы создаются при центральных органах.'));
    const mine = draftOf(OLD, (units) => void units[0]!.children.splice(1, 1));
    const { merged, conflicts } = rebase(OLD, theirs, mine);
    expect(printLaw(merged)).toContain('1. Советы создаются при центральных органах.');
    expect(conflicts.map((c) => c.reason)).toContain('both-changed');
  });

  it('a unit the draft adds under an article the law repealed has no place: listed, not hidden under the stub', () => {
    const theirs = newLaw((_, find) => {
      Object.assign(find('chp_1__art_3'), { heading: 'Исключена Законом РК от 30.12.2025 № 245-VIII.', repealed: true, children: [] });
    });
    const mine = draftOf(OLD, (_, find) => {
      const article = find('chp_1__art_3');
      article.children.push({ ...article.children[0]!, uid: 'draft-p2', num: '2', text: 'Новая норма.', children: [] });
    });
    const { merged, conflicts } = rebase(OLD, theirs, mine);
    expect(printLaw(merged)).not.toContain('Новая норма.');
    expect(conflicts.map((c) => [c.uid, c.reason])).toEqual([['draft-p2', 'no-place']]);
  });
});

function find(doc: ReturnType<typeof law>, eId: string): Provision {
  let hit: Provision | undefined;
  walkProvisions(doc.body, (u) => void (u.eId === eId && (hit = u)));
  return hit!;
}

describe('rebase, on random edits', () => {
  it('onto an unchanged law gives the draft; an untouched draft gives the new law; never a conflict in either', () => {
    fc.assert(
      fc.property(lawArb('ru'), fc.array(editArb('ru'), { minLength: 1, maxLength: 6 }), (base, edits) => {
        const changed = edited(base, edits);
        const ontoSame = rebase(base, base, changed);
        expect(ontoSame.conflicts).toEqual([]);
        expect(printLaw(ontoSame.merged)).toBe(printLaw(changed));
        const untouched = rebase(base, changed, base);
        expect(untouched.conflicts).toEqual([]);
        expect(untouched.carried).toBe(0);
        expect(printLaw(untouched.merged)).toBe(printLaw(changed));
      }),
      propertyParams(400),
    );
  });

  it('with the law and the draft edited independently: a valid law, or a RebaseError that leaves the draft alone; every conflict names a changed provision', () => {
    fc.assert(
      fc.property(lawArb('kk'), fc.array(editArb('kk'), { minLength: 1, maxLength: 5 }), fc.array(editArb('kk'), { minLength: 1, maxLength: 5 }), (base, lawEdits, draftEdits) => {
        const theirs = edited(base, lawEdits);
        const mine = edited(base, draftEdits);
        let result;
        try {
          result = rebase(base, theirs, mine);
        } catch (error) {
          if (error instanceof RebaseError) return;
          throw error;
        }
        expect(() => validateLaw(result.merged)).not.toThrow();
        const mineAmendments = derive(base, mine);
        const changed = new Set(mineAmendments.map((a) => a.uid));
        for (const c of result.conflicts) expect(changed.has(c.uid)).toBe(true);
        // Nothing is lost: each change of the draft is in the merge as the draft has it, or listed as a conflict…
        const merged = new Map<string, Provision>();
        walkProvisions(result.merged.body, (u) => void merged.set(u.uid, u));
        const listed = new Set(result.conflicts.map((c) => c.uid));
        const own = (u: { num: string; heading: string; text: string; repealed: boolean } | undefined) => u && [u.num, u.heading, u.text, u.repealed];
        for (const a of mineAmendments) {
          if (listed.has(a.uid)) continue;
          if (a.proposed) expect(own(merged.get(a.uid)), `${a.kind} ${a.eId}`).toEqual(own(a.proposed));
          else expect(merged.has(a.baseUid ?? a.uid), `${a.kind} ${a.eId}`).toBe(false);
        }
        // …and each unit of the new law the draft did not touch is there, as the law has it.
        const touched = new Set(mineAmendments.flatMap((a) => [a.uid, a.baseUid ?? a.uid, ...a.dropped.map((d) => d.uid)]));
        const inside = new Set<string>();
        walkProvisions(base.body, (u, parent) => void (parent && (touched.has(parent.uid) || inside.has(parent.uid)) && !mine.body.some(() => false) && inside.add(u.uid)));
        walkProvisions(theirs.body, (u) => {
          if (touched.has(u.uid) || inside.has(u.uid)) return;
          expect(own(merged.get(u.uid)), `law unit ${u.eId}`).toEqual(own(u));
        });
      }),
      propertyParams(400),
    );
  });
});
