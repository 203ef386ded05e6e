import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/services/context';
import { packageDocuments } from '../../../electron/services/documents';
import { saveDraft } from '../../../electron/services/drafts';
import { setIdentity } from '../../../electron/services/identity';
import { listLibrary } from '../../../electron/services/library';
import { addToPackage, createPackage } from '../../../electron/services/packages';
import { applyThroughout, planThroughout, throughoutForms, throughoutGroups, undoThroughout } from '../../../electron/services/throughout';
import { openVersion } from '../../../electron/services/versions';
import { StoreError } from '../../../electron/store/errors';
import { suggestReplacement } from '../../../shared/search/term-forms';
import { lawFromJSON, lawToRows } from '../../../shared/law';
import { openTestContext, tempDir } from '../harness';
import { connectionOf } from '../../../electron/store/connection';

/** The bundled sample corpus: several laws that share the term the replacement changes. */
const SAMPLE_CORPUS = join(import.meta.dirname, '../../../resources/corpus');
const TERM = 'организация высшего и (или) послевузовского образования';

let ctx: ServiceContext;
let cleanup: () => void;
beforeEach(() => {
  const dir = tempDir();
  cleanup = dir.cleanup;
  ctx = openTestContext(dir.dir, SAMPLE_CORPUS);
  setIdentity(ctx, { name: 'Айгерим Сейткали', role: 'drafter' });
});
afterEach(() => {
  connectionOf(ctx.store).close();
  cleanup();
});

function twoLawPackage() {
  const ru = (slug: string) => listLibrary(ctx).find((w) => w.slug === slug)?.expressions.find((e) => e.lang === 'ru')?.versionId as string;
  const pkg = createPackage(ctx, { title: 'О внесении изменений по вопросам университетов', baseVersionIds: [ru('education'), ru('science-technology-policy')] });
  return pkg;
}

/** Each form with its replacement as the drafter confirms them ("университет" in the form's case). */
function confirmed(forms: string[]) {
  const cases: Record<string, string> = { организация: 'университет', организации: 'университета', организаций: 'университетов', организацией: 'университетом', организациями: 'университетами', организацию: 'университет', организациях: 'университетах' };
  return forms.map((form) => {
    const first = form.split(' ')[0] as string;
    const to = cases[first.toLowerCase()] as string;
    return { from: form, to: /^\p{Lu}/u.test(first) ? suggestReplacement(form, 'организация', to.charAt(0).toUpperCase() + to.slice(1)) : to };
  });
}

describe('a replacement throughout the texts of a package', () => {
  it('finds every form of the term in each act, replaces the confirmed ones and states one "по всему тексту" per act', () => {
    const pkg = twoLawPackage();
    const found = throughoutForms(ctx, pkg.id, 'ru', TERM);
    expect(found.acts).toHaveLength(2);
    expect(found.acts.every((a) => a.count > 0)).toBe(true);
    const forms = found.forms.map((f) => f.form);
    expect(forms).toContain('организаций высшего и (или) послевузовского образования');
    expect(forms).toContain('Организации высшего и (или) послевузовского образования');
    const replacements = confirmed(forms);
    const result = applyThroughout(ctx, pkg.id, replacements, planThroughout(ctx, pkg.id, 'ru', replacements));
    expect(result.acts.map((a) => a.count).reduce((a, b) => a + b)).toBe(found.forms.reduce((n, f) => n + f.count, 0));
    // Nothing of the term is left in either draft.
    for (const d of pkg.drafts) {
      const rows = lawToRows(lawFromJSON(openVersion(ctx, d.versionId).law));
      expect(rows.some((r) => /рганизаци\p{L}* высшего и \(или\) послевузовского/u.test(r.heading + r.text))).toBe(false);
    }
    const { lawText } = packageDocuments(ctx, pkg.id, 'ru');
    const statements = lawText.split('\n').filter((l) => l.includes('по всему тексту'));
    expect(statements).toHaveLength(2);
    for (const s of statements) expect(s).toMatch(/по всему тексту слова «[^»]+»(, «[^»]+»)* заменить (соответственно )?словами? «университет/u);
    // One statement per act: the units it changed are not stated again one by one.
    expect(lawText).not.toMatch(/в (пункте|подпункте|статье) [^\n]*слова «организаци/u);
    expect(ctx.store.review.audit().filter((e) => e.packageId === pkg.id).map((e) => e.action)).toContain('replace-throughout');
  });

  it('is undone in every act, and refuses to undo over a unit edited since', () => {
    const pkg = twoLawPackage();
    const before = pkg.drafts.map((d) => lawToRows(lawFromJSON(openVersion(ctx, d.versionId).law)));
    const replacements = confirmed(throughoutForms(ctx, pkg.id, 'ru', TERM).forms.map((f) => f.form));
    const { operationId } = applyThroughout(ctx, pkg.id, replacements, planThroughout(ctx, pkg.id, 'ru', replacements));
    expect(undoThroughout(ctx, pkg.id, operationId).acts).toBe(2);
    pkg.drafts.forEach((d, i) => expect(lawToRows(lawFromJSON(openVersion(ctx, d.versionId).law))).toEqual(before[i]));
    expect(packageDocuments(ctx, pkg.id, 'ru').lawText).toBe('');
    expect(() => undoThroughout(ctx, pkg.id, operationId)).toThrow(StoreError);

    // Made again, then a changed unit edited by hand: the undo is refused and changes nothing.
    const again = applyThroughout(ctx, pkg.id, replacements, planThroughout(ctx, pkg.id, 'ru', replacements));
    const draftId = pkg.drafts[0]?.versionId as string;
    const edited = lawToRows(lawFromJSON(openVersion(ctx, draftId).law)).find((r) => r.text.includes('университет')) as (typeof before)[number][number];
    const revision = ctx.store.versions.get(draftId)?.revision as number;
    saveDraft(ctx, { versionId: draftId, revision, upserts: [{ ...edited, text: `${edited.text} (уточнено)` }], deletes: [] });
    const snapshot = pkg.drafts.map((d) => lawToRows(lawFromJSON(openVersion(ctx, d.versionId).law)));
    // The refusal names the provision as the panel does, in the law's language.
    expect(() => undoThroughout(ctx, pkg.id, again.operationId)).toThrow(/^The provision Статья \d+(-\d+)?(, [а-я]+ [\d)-]+)* was edited after this change/u);
    pkg.drafts.forEach((d, i) => expect(lawToRows(lawFromJSON(openVersion(ctx, d.versionId).law))).toEqual(snapshot[i]));
  });

  it('saves nothing when a draft moved on after the replacement was worked out', () => {
    const pkg = twoLawPackage();
    const replacements = confirmed(throughoutForms(ctx, pkg.id, 'ru', TERM).forms.map((f) => f.form));
    const plans = planThroughout(ctx, pkg.id, 'ru', replacements);
    const draftId = pkg.drafts[1]?.versionId as string;
    const row = lawToRows(lawFromJSON(openVersion(ctx, draftId).law)).find((r) => r.text.length > 0) as ReturnType<typeof lawToRows>[number];
    saveDraft(ctx, { versionId: draftId, revision: 0, upserts: [{ ...row, text: `${row.text} Новое.` }], deletes: [] });
    expect(() => applyThroughout(ctx, pkg.id, replacements, plans)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(ctx.store.versions.get(pkg.drafts[0]?.versionId as string)?.revision).toBe(0);
    expect(throughoutGroups(ctx, pkg.drafts[0]?.versionId as string)).toEqual([]);
  });

  it('refuses replacements that cannot be meant', () => {
    const pkg = twoLawPackage();
    expect(() => planThroughout(ctx, pkg.id, 'ru', [])).toThrow(StoreError);
    expect(() => planThroughout(ctx, pkg.id, 'ru', [{ from: 'вуз', to: 'a' }, { from: 'вуз', to: 'b' }])).toThrow(/twice/);
    expect(() => planThroughout(ctx, pkg.id, 'ru', [{ from: ' вуз', to: 'a' }])).toThrow(StoreError);
    expect(() => throughoutForms(ctx, pkg.id, 'ru', '—')).toThrow(StoreError);
  });
});

describe('a law added to a package later', () => {
  it('gets a working draft of its own; the same text twice, or a package in review, is refused', () => {
    const ru = (slug: string) => listLibrary(ctx).find((w) => w.slug === slug)?.expressions.find((e) => e.lang === 'ru')?.versionId as string;
    const pkg = createPackage(ctx, { title: 'Проект', baseVersionIds: [ru('education')] });
    const added = addToPackage(ctx, pkg.id, ru('science-technology-policy'));
    expect(added.drafts.map((d) => d.workSlug)).toEqual(['education', 'science-technology-policy']);
    const draft = added.drafts[1]?.versionId as string;
    expect(lawToRows(lawFromJSON(openVersion(ctx, draft).law)).map((r) => r.text)).toEqual(lawToRows(lawFromJSON(openVersion(ctx, ru('science-technology-policy')).law)).map((r) => r.text));
    expect(() => addToPackage(ctx, pkg.id, ru('education'))).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => addToPackage(ctx, pkg.id, draft)).toThrow(expect.objectContaining({ code: 'NOT_EDITABLE' }));
  });
});
