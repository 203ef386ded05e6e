import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { verifyAudit } from '../../../electron/services/audit/check';
import { getIdentity, setIdentity } from '../../../electron/services/identity';
import type { ServiceContext } from '../../../electron/services/context';
import { saveDraft } from '../../../electron/services/drafts';
import { setPackageStatus, annotateAmendment } from '../../../electron/services/gaps';
import { createPackage } from '../../../electron/services/packages';
import { compare } from '../../../electron/services/compare';
import { createSnapshot, listSnapshots } from '../../../electron/services/snapshots';
import { packageOverlaps } from '../../../electron/services/overlap';
import { addComment, listRejected, restoreRejected, reviewAmendment, reviewAmendments } from '../../../electron/services/review';
import { openVersion } from '../../../electron/services/versions';
import { lawFromJSON, lawToRows, printLaw } from '../../../shared/law';
import { openTestContext, startPackage, tempDir } from '../harness';
import { connectionOf } from '../../../electron/store/connection';

let cleanup: () => void;
let dir: string;
let ctx: ServiceContext;
beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  dir = t.dir;
  ctx = openTestContext(t.dir);
});
afterEach(() => {
  connectionOf(ctx.store).close();
  cleanup();
});

/** A package with a reworded paragraph, a repealed paragraph (dropping its subparagraphs) and a new one. */
function reviewedPackage() {
  const { pkgId, versionId, baseId, rows, p17, p19 } = startPackage(ctx);
  const subs = rows.filter((r) => r.parentUid === p17.uid);
  const fresh = { ...p19, uid: 'newparagraph01', ord: 1, num: '2', text: 'Новый пункт.' };
  saveDraft(ctx, {
    versionId,
    revision: 0,
    upserts: [{ ...p17, text: 'Исключен.', repealed: true }, { ...p19, text: 'Настоящий Закон вводится в действие с 1 января 2027 года.' }, fresh],
    deletes: subs.map((s) => s.uid),
  });
  return { pkgId, versionId, baseId, p17, p19, fresh };
}

const text = (versionId: string) => printLaw(lawFromJSON(openVersion(ctx, versionId).law));

describe('review', () => {
  it('asks who you are before any signed action', () => {
    const { pkgId, p19 } = reviewedPackage();
    expect(getIdentity(ctx)).toBeNull();
    expect(() => reviewAmendment(ctx, { packageId: pkgId, uid: p19.uid, decision: 'accept' })).toThrow(/Set your name/);
    expect(setIdentity(ctx, { name: ' А. Рецензентова ', role: 'Юридический департамент' })).toEqual({ name: 'А. Рецензентова', role: 'Юридический департамент' });
  });

  it('rejecting restores the wording in force exactly, for words, a repeal with its dropped units, and an insert', () => {
    setIdentity(ctx, { name: 'Рецензент', role: 'МЮ' });
    const { pkgId, versionId, baseId, p17, p19, fresh } = reviewedPackage();
    for (const uid of [p17.uid, p19.uid, fresh.uid]) reviewAmendment(ctx, { packageId: pkgId, uid, decision: 'reject' });
    expect(text(versionId)).toBe(text(baseId));
    expect(ctx.store.amendments.listForVersion(versionId)).toEqual([]);
    expect(ctx.store.amendments.annotations(pkgId).get(p19.uid)?.status).toBe('rejected');
  });

  it('accepting keeps the draft; a reviewer can reject while the package is in review', () => {
    setIdentity(ctx, { name: 'Рецензент', role: 'МЮ' });
    const { pkgId, versionId, p17, p19, fresh } = reviewedPackage();
    for (const uid of [p17.uid, p19.uid, fresh.uid]) annotateAmendment(ctx, { packageId: pkgId, uid, gapCodes: ['INEFF_NORM'], justification: 'Да.', evidence: '' });
    setPackageStatus(ctx, pkgId, 'review');
    const before = text(versionId);
    reviewAmendment(ctx, { packageId: pkgId, uid: p19.uid, decision: 'accept' });
    expect(text(versionId)).toBe(before);
    reviewAmendment(ctx, { packageId: pkgId, uid: fresh.uid, decision: 'reject' });
    expect(text(versionId)).not.toContain('Новый пункт.');
  });

  it('comments are threaded and signed; every action goes into a hash-chained log that verifies', () => {
    setIdentity(ctx, { name: 'Рецензент', role: 'МЮ' });
    const { pkgId, p19 } = reviewedPackage();
    addComment(ctx, { packageId: pkgId, uid: p19.uid, parentId: null, text: 'Почему 2027 год?' });
    const [first] = ctx.store.review.comments(pkgId, p19.uid);
    setIdentity(ctx, { name: 'Разработчик', role: 'МНВО' });
    addComment(ctx, { packageId: pkgId, uid: p19.uid, parentId: first!.id, text: 'Чтобы успеть принять подзаконные акты.' });
    reviewAmendment(ctx, { packageId: pkgId, uid: p19.uid, decision: 'accept' });
    const thread = ctx.store.review.comments(pkgId, p19.uid);
    expect(thread.map((c) => [c.author, c.parentId === null ? 'root' : 'reply'])).toEqual([['Рецензент', 'root'], ['Разработчик', 'reply']]);
    expect(ctx.store.review.audit({ packageId: pkgId, uid: p19.uid }).map((e) => [e.actor, e.action])).toEqual([['Рецензент', 'comment'], ['Разработчик', 'comment'], ['Разработчик', 'accept']]);
    const all = ctx.store.review.audit().length;
    expect(verifyAudit(ctx)).toEqual({ ok: true, entries: all, signed: all, notes: [] });
  });

  it('a log entry edited directly in SQLite breaks the chain, and the check names it', () => {
    setIdentity(ctx, { name: 'Рецензент', role: 'МЮ' });
    const { pkgId, p19 } = reviewedPackage();
    addComment(ctx, { packageId: pkgId, uid: p19.uid, parentId: null, text: 'Первый.' });
    addComment(ctx, { packageId: pkgId, uid: p19.uid, parentId: null, text: 'Второй.' });
    reviewAmendment(ctx, { packageId: pkgId, uid: p19.uid, decision: 'accept' });
    expect(() => connectionOf(ctx.store).prepare("UPDATE audit_log SET actor = 'X' WHERE seq = 2").run()).toThrow(/append-only/);
    // Someone with the file and a SQLite shell can drop the guard; the chain still tells.
    connectionOf(ctx.store).exec('DROP TRIGGER audit_log_no_update');
    connectionOf(ctx.store).prepare("UPDATE audit_log SET actor = 'Кто-то другой' WHERE seq = 2").run();
    expect(verifyAudit(ctx)).toEqual({ ok: false, seq: 2, reason: 'its content or number does not match its hash (it was edited or renumbered)' });

    // The check command says the same of the database file.
    const out: string[] = [];
    const io = { readFile: () => '', readBytes: () => new Uint8Array(), writeFile: () => undefined, out: (l: string) => void out.push(l), err: (l: string) => void out.push(l) };
    const code = runCli(['audit-check', '--db', join(dir, 'zan.sqlite')], io);
    expect(code).toBe(1);
    expect(out.join('')).toMatch(/audit log broken at entry 2: its content or number does not match its hash/);
  });

  it('warns both packages when they change the same provision of the same law', () => {
    const a = reviewedPackage();
    const b = reviewedPackage();
    const other = createPackage(ctx, { title: 'Третий', baseVersionIds: [a.baseId] });
    expect(packageOverlaps(ctx, a.pkgId).map((o) => [o.uid, o.otherPackageId])).toEqual(
      expect.arrayContaining([[a.p19.uid, b.pkgId], [a.p17.uid, b.pkgId]]),
    );
    expect(packageOverlaps(ctx, b.pkgId).some((o) => o.otherPackageId === a.pkgId)).toBe(true);
    expect(packageOverlaps(ctx, other.id)).toEqual([]);
  });

  it('compares any two of: the law in force, a snapshot, the current draft, another package\'s draft, a text', () => {
    setIdentity(ctx, { name: 'Рецензент', role: 'МЮ' });
    const a = reviewedPackage();
    const snap = createSnapshot(ctx, a.pkgId, 'Направлено в Минюст');
    expect(listSnapshots(ctx, a.pkgId).map((s) => s.name)).toEqual(['Направлено в Минюст']);
    // The draft moves on after the snapshot.
    const rows = lawToRows(lawFromJSON(openVersion(ctx, a.versionId).law));
    const p19 = rows.find((r) => r.uid === a.p19.uid)!;
    saveDraft(ctx, { versionId: a.versionId, revision: 1, upserts: [{ ...p19, text: 'Настоящий Закон вводится в действие с 1 июля 2027 года.' }], deletes: [] });

    const inForce = { type: 'version' as const, versionId: a.baseId };
    const snapshot = { type: 'snapshot' as const, snapshotId: snap.id, versionId: a.versionId };
    const draft = { type: 'version' as const, versionId: a.versionId };
    expect(compare(ctx, inForce, draft).rows.map((r) => r.element)).toEqual(['Статья 17, пункт 1', 'Статья 19, пункт 1', 'Статья 19, пункт 2']);
    const moved = compare(ctx, snapshot, draft).rows;
    expect(moved.map((r) => [r.element, r.kind])).toEqual([['Статья 19, пункт 1', 'words']]);
    expect(moved[0]!.current.flat().filter((r) => r.bold).map((r) => r.text)).toEqual(['января']);
    expect(moved[0]!.proposed.flat().filter((r) => r.bold).map((r) => r.text)).toEqual(['июля']);
    const b = reviewedPackage();
    expect(compare(ctx, draft, { type: 'version', versionId: b.versionId }).rows.map((r) => r.element)).toEqual(['Статья 19, пункт 1']);
    const text = printLaw(lawFromJSON(openVersion(ctx, a.baseId).law)).replace('Университеты вправе', 'Университеты и колледжи вправе');
    expect(compare(ctx, inForce, { type: 'text', text, lang: 'ru' }).rows.map((r) => [r.element, r.kind])).toEqual([['Статья 17, пункт 1', 'words']]);
    // Snapshots are immutable.
    expect(() => connectionOf(ctx.store).prepare("UPDATE snapshot_provision SET text = 'x'").run()).toThrow(/immutable/);
  });

  it('with context, each change comes with the unchanged units beside it, once each, in the law\'s order', () => {
    const { versionId, baseId, p19 } = startPackage(ctx);
    const rows = lawToRows(lawFromJSON(openVersion(ctx, versionId).law));
    // Two neighbouring subparagraphs of article 1 (9 and 9-1, between 1 and 10) and paragraph 19.1.
    const first = rows.find((r) => r.text.startsWith('консорциум'))!;
    const subs = rows.filter((r) => r.kind === 'subparagraph' && r.parentUid === first.parentUid);
    const [s2, s3] = [subs[1]!, subs[2]!];
    saveDraft(ctx, { versionId, revision: 0, upserts: [{ ...s2, text: `${s2.text} (уточнено)` }, { ...s3, text: `${s3.text} (уточнено)` }, { ...p19, text: 'Настоящий Закон вводится в действие с 1 июля 2027 года.' }], deletes: [] });
    const plain = compare(ctx, { type: 'version', versionId: baseId }, { type: 'version', versionId });
    const withContext = compare(ctx, { type: 'version', versionId: baseId }, { type: 'version', versionId }, undefined, { context: true });
    expect(plain.rows.every((r) => r.kind !== '')).toBe(true);
    const context = withContext.rows.filter((r) => r.kind === '');
    // Subparagraph 1 before the pair, 4 after it (none twice, none of the changed), and what stands beside 19.1.
    expect(context.map((r) => r.uid)).toContain(subs[0]!.uid);
    expect(context.map((r) => r.uid)).toContain(subs[3]!.uid);
    expect(new Set(context.map((r) => r.uid)).size).toBe(context.length);
    expect(withContext.rows.filter((r) => r.kind !== '').map((r) => r.uid)).toEqual(plain.rows.map((r) => r.uid));
    const order = withContext.rows.map((r) => r.uid);
    expect(order.indexOf(subs[0]!.uid)).toBeLessThan(order.indexOf(s2.uid));
    expect(order.indexOf(subs[3]!.uid)).toBeGreaterThan(order.indexOf(s3.uid));
    for (const r of context) expect(r.current).toEqual(r.proposed);
  });
});

describe('rejecting a move or a removal puts the unit back where the law in force has it', () => {
  it('a removed paragraph comes back with its wording in force', () => {
    setIdentity(ctx, { name: 'Рецензент', role: '' });
    const { pkgId, versionId, p19 } = startPackage(ctx);
    saveDraft(ctx, { versionId, revision: 0, upserts: [], deletes: [p19.uid] });
    expect(printLaw(lawFromJSON(openVersion(ctx, versionId).law))).not.toContain('Настоящий Закон вводится');
    reviewAmendment(ctx, { packageId: pkgId, uid: p19.uid, decision: 'reject' });
    expect(printLaw(lawFromJSON(openVersion(ctx, versionId).law))).toContain('Статья 19. Порядок введения в действие\n1. Настоящий Закон вводится в действие');
    expect(ctx.store.amendments.listForVersion(versionId)).toEqual([]);
  });

  it('a moved subparagraph goes back to its place and number', () => {
    setIdentity(ctx, { name: 'Рецензент', role: '' });
    const { pkgId, versionId, rows, p17 } = startPackage(ctx);
    const before = printLaw(lawFromJSON(openVersion(ctx, versionId).law));
    // 9-1) of article 1 becomes 3) of article 17, paragraph 1.
    const moved = rows.find((r) => r.num === '9-1')!;
    const last = rows.filter((r) => r.parentUid === p17.uid).length;
    saveDraft(ctx, { versionId, revision: 0, upserts: [{ ...moved, parentUid: p17.uid, ord: last, num: '3' }], deletes: [] });
    const [move] = ctx.store.amendments.listForVersion(versionId);
    expect(move?.kind).toBe('move');
    reviewAmendment(ctx, { packageId: pkgId, uid: moved.uid, decision: 'reject' });
    expect(printLaw(lawFromJSON(openVersion(ctx, versionId).law))).toBe(before);
  });
});

describe('deciding on several amendments at once', () => {
  it('accepts all the selected, and rejects all or none', () => {
    setIdentity(ctx, { name: 'Рецензент', role: '' });
    const { pkgId, versionId, p17, p19 } = startPackage(ctx);
    saveDraft(ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }, { ...p19, text: 'Настоящий Закон вводится в действие с 1 января 2027 года.' }], deletes: [] });
    reviewAmendments(ctx, { packageId: pkgId, uids: [p17.uid, p19.uid], decision: 'accept' });
    expect([...ctx.store.amendments.annotations(pkgId).values()].map((n) => n.status)).toEqual(['accepted', 'accepted']);
    // One of them cannot be found: nothing at all is rejected.
    expect(() => reviewAmendments(ctx, { packageId: pkgId, uids: [p17.uid, 'nosuchunit01'], decision: 'reject' })).toThrow();
    expect(printLaw(lawFromJSON(openVersion(ctx, versionId).law))).toContain('Университеты и колледжи вправе:');
    reviewAmendments(ctx, { packageId: pkgId, uids: [p17.uid, p19.uid], decision: 'reject' });
    expect(ctx.store.amendments.listForVersion(versionId)).toEqual([]);
  });
});

describe('a rejection is kept and can be taken back', () => {
  it('every kind of rejection (words, a repeal with dropped units, an insert, a removal, a move) restores the draft exactly', () => {
    setIdentity(ctx, { name: 'Рецензент', role: 'МЮ' });
    const { pkgId, versionId, p17, p19, fresh } = reviewedPackage();
    const proposed = text(versionId);
    const amendments = ctx.store.amendments.listForVersion(versionId);
    for (const uid of [p17.uid, p19.uid, fresh.uid]) {
      const id = reviewAmendment(ctx, { packageId: pkgId, uid, decision: 'reject' }) as string;
      expect(listRejected(ctx, pkgId)[0]).toMatchObject({ operationId: id, uid, rejectedBy: 'Рецензент', versionId });
    }
    expect(listRejected(ctx, pkgId)).toHaveLength(3);
    for (const r of listRejected(ctx, pkgId)) restoreRejected(ctx, { packageId: pkgId, operationId: r.operationId });
    expect(text(versionId)).toBe(proposed);
    expect(ctx.store.amendments.listForVersion(versionId).map((a) => a.uid)).toEqual(amendments.map((a) => a.uid));
    expect(listRejected(ctx, pkgId)).toEqual([]);
    expect([p17.uid, p19.uid, fresh.uid].map((uid) => ctx.store.amendments.annotations(pkgId).get(uid)?.status)).toEqual(['proposed', 'proposed', 'proposed']);
    expect(ctx.store.review.audit({ packageId: pkgId, uid: p19.uid }).map((e) => e.action)).toEqual(['reject', 'restore']);
  });

  it('a moved unit and a removed one come back as they were proposed', () => {
    setIdentity(ctx, { name: 'Рецензент', role: '' });
    const { pkgId, versionId, rows, p17, p19 } = startPackage(ctx);
    const moved = rows.find((r) => r.num === '9-1')!;
    const last = rows.filter((r) => r.parentUid === p17.uid).length;
    saveDraft(ctx, { versionId, revision: 0, upserts: [{ ...moved, parentUid: p17.uid, ord: last, num: '3' }], deletes: [p19.uid] });
    const proposed = text(versionId);
    const ids = [moved.uid, p19.uid].map((uid) => reviewAmendment(ctx, { packageId: pkgId, uid, decision: 'reject' }) as string);
    expect(text(versionId)).not.toBe(proposed);
    for (const id of ids.reverse()) restoreRejected(ctx, { packageId: pkgId, operationId: id });
    expect(text(versionId)).toBe(proposed);
    // The same two rejected together, and restored together (the later rejection taken back first).
    const batch = reviewAmendments(ctx, { packageId: pkgId, uids: [moved.uid, p19.uid], decision: 'reject' }) as string;
    expect(text(versionId)).not.toBe(proposed);
    restoreRejected(ctx, { packageId: pkgId, operationId: batch });
    expect(text(versionId)).toBe(proposed);
  });

  it('two moves into the same paragraph, rejected together, are restored together (the later first)', () => {
    setIdentity(ctx, { name: 'Рецензент', role: '' });
    const { pkgId, versionId, rows, p17 } = startPackage(ctx);
    const a = rows.find((r) => r.num === '9-1')!;
    const b = rows.find((r) => r.num === '10')!;
    const last = rows.filter((r) => r.parentUid === p17.uid).length;
    saveDraft(ctx, { versionId, revision: 0, upserts: [{ ...a, parentUid: p17.uid, ord: last, num: '3' }, { ...b, parentUid: p17.uid, ord: last + 1, num: '4' }], deletes: [] });
    const proposed = text(versionId);
    const batch = reviewAmendments(ctx, { packageId: pkgId, uids: [a.uid, b.uid], decision: 'reject' }) as string;
    expect(text(versionId)).not.toBe(proposed);
    restoreRejected(ctx, { packageId: pkgId, operationId: batch });
    expect(text(versionId)).toBe(proposed);
  });

  it('a batch rejected together is restored together; a provision edited since is not overwritten', () => {
    setIdentity(ctx, { name: 'Рецензент', role: '' });
    const { pkgId, versionId, p17, p19 } = startPackage(ctx);
    saveDraft(ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }, { ...p19, text: 'Настоящий Закон вводится в действие с 1 января 2027 года.' }], deletes: [] });
    const proposed = text(versionId);
    const batch = reviewAmendments(ctx, { packageId: pkgId, uids: [p17.uid, p19.uid], decision: 'reject' }) as string;
    expect(new Set(listRejected(ctx, pkgId).map((r) => r.operationId))).toEqual(new Set([batch]));
    // The drafter rewrites paragraph 19.1 after the rejection: restoring would undo their words too.
    const revision = ctx.store.versions.get(versionId)?.revision as number;
    saveDraft(ctx, { versionId, revision, upserts: [{ ...p19, text: 'Настоящий Закон вводится в действие с 1 марта 2027 года.' }], deletes: [] });
    const edited = text(versionId);
    expect(() => restoreRejected(ctx, { packageId: pkgId, operationId: batch })).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(text(versionId)).toBe(edited);
    expect(listRejected(ctx, pkgId)).toHaveLength(2);
    // Put back by hand, the batch restores.
    saveDraft(ctx, { versionId, revision: revision + 1, upserts: [p19], deletes: [] });
    restoreRejected(ctx, { packageId: pkgId, operationId: batch });
    expect(text(versionId)).toBe(proposed);
  });

  it('approving and withdrawing the approval change only the status', () => {
    setIdentity(ctx, { name: 'Рецензент', role: '' });
    const { pkgId, versionId, p19 } = reviewedPackage();
    const before = text(versionId);
    expect(reviewAmendment(ctx, { packageId: pkgId, uid: p19.uid, decision: 'accept' })).toBeNull();
    expect(ctx.store.amendments.annotations(pkgId).get(p19.uid)?.status).toBe('accepted');
    reviewAmendment(ctx, { packageId: pkgId, uid: p19.uid, decision: 'reset' });
    expect(ctx.store.amendments.annotations(pkgId).get(p19.uid)?.status).toBe('proposed');
    expect(text(versionId)).toBe(before);
    expect(() => restoreRejected(ctx, { packageId: pkgId, operationId: 'nosuchoperation1' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
