import i18next from 'i18next';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../renderer/i18n';
import { AUDIT_ACTIONS, AUDIT_DOCUMENTS } from '../../renderer/review/audit-actions';
import { auditChoices, filterAudit, NO_AUDIT_FILTER, searchable, type AuditFilter } from '../../renderer/review/audit-filter';
import { auditRows, labelsByUid, type AuditEntry, type AuditRow } from '../../renderer/review/audit-rows';
import { parseDetail, saySummary, summarizeAudit, type AuditNames } from '../../renderer/review/audit-summary';
import { contract } from '../../shared/ipc';
import { calleeName, keyLiterals, parse, sourceFiles, walk } from './source-scan';

/** The actions electron/services log (the literal action of each `record(ctx, …)` / `audit(ctx, …)`, both branches of a `?:`), and what exports name. */
function recorded(): { actions: Set<string>; documents: Set<string>; calls: number } {
  // A review decision is logged under the decision's own name (`input.decision`): the contract's three.
  const actions = new Set<string>(contract.reviewAmendment.input.shape.decision.options);
  const documents = new Set<string>([...contract.exportPackageDocument.input.shape.document.options, ...contract.exportAkn.input.shape.document.options.map((d) => `akn-${d}`)]);
  let calls = 0;
  for (const path of sourceFiles('electron/services')) {
    walk(parse(path), (node) => {
      if (!ts.isCallExpression(node)) return;
      const name = calleeName(node);
      if (name === 'record' || name === 'audit') {
        calls++;
        const action = node.arguments[3];
        if (action) for (const a of keyLiterals(action).literals) actions.add(a);
      }
      // What an export entry names: `{ document: 'redline', … }` given to recordExport (or to record with 'export').
      if (name === 'recordExport' || name === 'record') {
        for (const arg of node.arguments) {
          if (!ts.isObjectLiteralExpression(arg)) continue;
          for (const p of arg.properties) if (ts.isPropertyAssignment(p) && p.name.getText() === 'document') for (const d of keyLiterals(p.initializer).literals) documents.add(d);
        }
      }
    });
  }
  return { actions, documents, calls };
}

const entry = (seq: number, action: string, detail: unknown, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  seq,
  at: `2026-03-0${Math.min(9, seq)}T10:00:0${seq % 10}Z`,
  actor: 'Айгерим Сапарова',
  role: 'Департамент науки',
  uid: null,
  action,
  detail: typeof detail === 'string' ? detail : JSON.stringify(detail),
  ...extra,
});

const names: AuditNames = {
  gapName: (code) => ({ LEG_GAP: 'Правовой пробел', FUNDING: 'Финансирование' })[code] ?? code,
  langOf: (versionId) => (versionId === 'vkk00001' ? 'kk' : versionId === 'vru00001' ? 'ru' : null),
};

/** A summary as the interface says it in a language. */
async function said(lang: string, action: string, detail: unknown): Promise<string> {
  await i18next.changeLanguage(lang);
  return saySummary(summarizeAudit(action, parseDetail(JSON.stringify(detail)), names));
}

describe('the actions the audit view names', () => {
  const { actions, documents, calls } = recorded();

  it('reads the services', () => {
    expect(calls).toBeGreaterThan(20);
    expect(actions.has('save')).toBe(true);
  });

  it.each([...actions])('%s, recorded by the services, is in AUDIT_ACTIONS (and so translated)', (action) => {
    expect(AUDIT_ACTIONS).toContain(action);
  });

  it.each([...documents])('the exported document %s is in AUDIT_DOCUMENTS', (document) => {
    expect(AUDIT_DOCUMENTS).toContain(document);
  });
});

describe('what an entry says', () => {
  beforeAll(async () => {
    await initI18n();
  });

  it.each([
    ['ru', '3 единицы изменены, 1 удалена'],
    ['kk', '3 бірлік өзгертілді, 1 бірлік жойылды'],
    ['en', '3 units changed, 1 deleted'],
  ])('%s: a save counts the units it changed and deleted', async (lang, expected) => {
    const save = { versionId: 'vru00001', revision: 4, units: [['a', 'h1'], ['b', 'h2'], ['c', 'h3']], deleted: ['d'] };
    expect(await said(lang, 'save', save)).toBe(expected);
  });

  it('a save names the text it saved (the Kazakh draft), one unit in the singular, five in the genitive plural', async () => {
    expect(summarizeAudit('save', { versionId: 'vkk00001', units: [['a', 'h']], deleted: [] }, names).lang).toBe('kk');
    expect(await said('ru', 'save', { units: [['a', 'h']], deleted: [] })).toBe('1 единица изменена');
    expect(await said('ru', 'save', { units: [1, 2, 3, 4, 5].map((n) => [`u${n}`, 'h']), deleted: [] })).toBe('5 единиц изменено');
    expect(await said('en', 'save', { units: [], deleted: [] })).toBe('no text changed');
  });

  it.each([
    ['annotate', { gaps: ['LEG_GAP', 'FUNDING'], notes: 'x', status: 'proposed' }, 'пробелы: Правовой пробел; Финансирование'],
    ['annotate', { gaps: [], notes: 'x', status: 'proposed' }, 'пробел не указан'],
    ['status', { status: 'review' }, 'новый статус: На рассмотрении'],
    ['export', { document: 'table', format: 'docx', lang: 'ru', file: 'Таблица.docx', sha256: 'ab' }, 'Сравнительная таблица → Таблица.docx'],
    ['export', { document: 'bundle', lang: 'ru', folder: 'Проект', files: [{ file: 'a' }, { file: 'b' }] }, 'Все документы: 2 файла → Проект'],
    ['export', { document: 'a-new-kind', file: 'x.bin' }, 'a-new-kind → x.bin'],
    ['accept', { kind: 'words', eId: 'art_5__para_1' }, 'слова'],
    ['comment', { id: 'c1', parentId: 'c0', textHash: 'h' }, 'ответ на комментарий'],
    ['snapshot', { id: 's1', name: 'Направлено в Минюст' }, '«Направлено в Минюст»'],
    // The snapshot a desktop keeps when an owner releases its leases is named in the window's language.
    ['snapshot', { id: 's2', name: 'team:leases-released', by: 'Анна' }, 'До снятия блокировок владельцем'],
    ['replace-throughout', { operationId: 'o', replacements: [{ from: 'вуз', to: 'университет' }], acts: [] }, '«вуз» → «университет»'],
    ['resolve-conflict', { conflictId: 'k', keep: 'mine' }, 'возвращена редакция проекта'],
    ['restore', { operationId: 'o' }, ''],
  ])('ru: %s %j says "%s"', async (action, detail, expected) => {
    expect(await said('ru', action, detail)).toBe(expected);
  });

  it('an export says its document in Kazakh and English too', async () => {
    const detail = { document: 'redline', format: 'docx', file: 'r.docx' };
    expect(await said('kk', 'export', detail)).toBe('Өзгерістері бар заң мәтіні → r.docx');
    expect(await said('en', 'export', detail)).toBe('Redline of a law → r.docx');
  });

  it.each([['not json'], ['[1,2]'], ['null'], ['"text"']])('a detail that is not a JSON object (%s) reads as empty, and says nothing it does not know', async (raw) => {
    expect(parseDetail(raw)).toEqual({});
    await i18next.changeLanguage('en');
    expect(saySummary(summarizeAudit('save', parseDetail(raw), names))).toBe('no text changed');
    expect(saySummary(summarizeAudit('export', { document: 5, file: ['x'] }, names))).toBe('— → —');
  });
});

describe('rows and filters of the audit view', () => {
  // The words are looked for in the summaries as said in Russian: said once the catalogues are loaded.
  let text = new Map<AuditRow, string>();
  beforeAll(async () => {
    await initI18n();
    await i18next.changeLanguage('ru');
    text = new Map(rows.map((r) => [r, searchable([saySummary(r.summary), r.entry.actor, r.entry.role, r.label, r.provision])]));
  });

  const entries = [
    entry(1, 'create-package', { title: 'Проект', authors: ['Айгерим Сапарова'], bases: ['b1'] }),
    entry(2, 'save', { versionId: 'vru00001', revision: 1, units: [['u5p1', 'h']], deleted: [] }),
    entry(3, 'save', { versionId: 'vru00001', revision: 2, units: [['u5p1', 'h'], ['u5p2', 'h']], deleted: ['u9'] }),
    entry(4, 'annotate', { gaps: ['LEG_GAP'], notes: 'n', status: 'proposed' }, { uid: 'u5p1' }),
    entry(5, 'reject', { kind: 'repeal', eId: 'chp_2__art_7__para_3' }, { uid: 'u7p3', actor: 'Ерлан Қасымов', role: 'Юридический департамент' }),
    entry(6, 'status', { status: 'review' }, { actor: '', role: '' }),
  ];
  const amendments = [
    { uid: 'u5p1', label: '5-бап, 1-тармақ', lang: 'kk' },
    { uid: 'u5p1', label: 'Статья 5, пункт 1', lang: 'ru' },
  ];
  const labels = { byUid: labelsByUid(amendments, [], 'ru'), lang: 'ru' as const };
  const rows = auditRows(entries, names, labels);
  const keep = (filter: Partial<AuditFilter>) => filterAudit(rows, { ...NO_AUDIT_FILTER, ...filter }, (r: AuditRow) => text.get(r) ?? '').map((r) => r.entry.seq);

  it('lists the newest entry first', () => {
    expect(rows.map((r) => r.entry.seq)).toEqual([6, 5, 4, 3, 2, 1]);
  });

  it('labels a provision in the language asked for, from an eId when the amendment is gone, and by uid otherwise', () => {
    const by = new Map(rows.map((r) => [r.entry.seq, r]));
    expect(by.get(4)?.label).toBe('Статья 5, пункт 1');
    // A save of one unit is shown against that unit; of several, against none (its summary counts them).
    expect([by.get(2)?.provision, by.get(2)?.label]).toEqual(['u5p1', 'Статья 5, пункт 1']);
    expect(by.get(3)?.provision).toBeNull();
    expect(by.get(5)?.label).toBe('Статья 7, пункт 3');
    expect(auditRows([entry(9, 'comment', {}, { uid: 'unknown1' })], names, labels)[0]).toMatchObject({ provision: 'unknown1', label: null });
    expect(labelsByUid(amendments, [], 'kk').get('u5p1')).toBe('5-бап, 1-тармақ');
    expect(labelsByUid([], [{ uid: 'r1', label: 'Статья 2' }], 'ru').get('r1')).toBe('Статья 2');
  });

  it('filters by action, by person (an unnamed one too) and by provision, a save counting for each unit it changed or deleted', () => {
    expect(keep({ action: 'save' })).toEqual([3, 2]);
    expect(keep({ actor: 'Ерлан Қасымов' })).toEqual([5]);
    expect(keep({ actor: '' })).toEqual([6]);
    expect(keep({ uid: 'u5p1' })).toEqual([4, 3, 2]);
    expect(keep({ uid: 'u9' })).toEqual([3]);
    expect(keep({ uid: 'u5p1', action: 'annotate' })).toEqual([4]);
    expect(keep({ uid: 'nowhere' })).toEqual([]);
  });

  it('finds words in any case and order, in the summary, the person, the role and the provision', () => {
    expect(keep({ text: 'ПРАВОВОЙ пробел' })).toEqual([4]);
    expect(keep({ text: 'пункт 1 статья' })).toEqual([4, 2]);
    expect(keep({ text: 'юридический' })).toEqual([5]);
    expect(keep({ text: 'удалена' })).toEqual([3]);
    expect(keep({ text: 'удалена юридический' })).toEqual([]);
    expect(keep({ text: '   ' })).toEqual([6, 5, 4, 3, 2, 1]);
  });

  it('offers the actions present in the order of the list, and each person once', () => {
    expect(auditChoices(rows)).toEqual({ actions: ['save', 'annotate', 'status', 'reject', 'create-package'], actors: ['', 'Айгерим Сапарова', 'Ерлан Қасымов'] });
    expect(auditChoices(auditRows([entry(1, 'from-a-newer-build', {}), entry(2, 'save', {})], names, labels)).actions).toEqual(['save', 'from-a-newer-build']);
  });

  it('filters three thousand entries as one types, well within a frame budget', () => {
    const many = auditRows(
      Array.from({ length: 3000 }, (_, i) => entry(i + 1, i % 3 ? 'save' : 'annotate', i % 3 ? { units: [[`u${i % 50}`, 'h']], deleted: [] } : { gaps: ['FUNDING'] }, i % 3 ? {} : { uid: `u${i % 50}` })),
      names,
      labels,
    );
    const texts = new Map(many.map((r) => [r, searchable([saySummary(r.summary), r.entry.actor, r.label, r.provision])]));
    const started = performance.now();
    const kept = filterAudit(many, { ...NO_AUDIT_FILTER, uid: 'u7', text: 'финансирование' }, (r) => texts.get(r) ?? '');
    expect(performance.now() - started).toBeLessThan(50);
    expect(kept.length).toBe(20);
    expect(kept.every((r) => r.entry.action === 'annotate' && r.entry.uid === 'u7')).toBe(true);
  });
});
