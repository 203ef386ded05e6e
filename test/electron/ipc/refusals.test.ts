import { beforeEach, describe, expect, it } from 'vitest';
import type { Dispatcher } from '../../../electron/ipc/dispatch';
import type { ServiceContext } from '../../../electron/services/context';
import { setIdentity } from '../../../electron/services/identity';
import { saveDraft } from '../../../electron/services/drafts';
import { startPackage, useTestContext } from '../harness';
import { FROM_APP, testDispatcher } from './test-dispatcher';
import { connectionOf } from '../../../electron/store/connection';

/**
 * Issue 16, IPC and review, measured from outside: text with a lone surrogate was acknowledged and
 * stored as "���"; a reply could answer a comment of another package, or one that does not exist
 * (INTERNAL FOREIGN KEY); a full disk and a read-only database reached the page as INTERNAL.
 */
const current = useTestContext();
let ctx: ServiceContext;
let dispatch: Dispatcher;
beforeEach(() => {
  ({ ctx } = current());
  dispatch = testDispatcher(ctx);
});
const fromApp = FROM_APP;
const call = (channel: string, payload: unknown) => dispatch(`zan:${channel}`, payload, fromApp);

describe('text that is not well-formed is refused at the door, not stored as something else', () => {
  it.each([
    ['a lone high surrogate', 'Текст \uD800 конец'],
    ['a lone low surrogate', 'Текст \uDC00 конец'],
    ['a NUL character', 'Текст \u0000 конец'],
  ])('a save with %s (regression)', async (_, text) => {
    const { versionId, p17 } = startPackage(ctx);
    const reply = await call('saveDraft', { versionId, revision: 0, upserts: [{ ...p17, text }], deletes: [] });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', message: expect.stringMatching(/upserts\.0\.text.*not well-formed text/s) } });
    expect(ctx.store.provisions.load(versionId).find((r) => r.uid === p17.uid)?.text).toBe(p17.text);
  });

  it('the identity with a lone surrogate (regression), a heading, a comment, a package title', async () => {
    expect(await call('setIdentity', { name: 'Имя \uD83D', role: 'МЮ' })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(ctx.store.review.setting('user.name')).toBeUndefined();
    const { pkgId, versionId, p17 } = startPackage(ctx);
    expect(await call('saveDraft', { versionId, revision: 0, upserts: [{ ...p17, heading: 'Заголовок\u0000' }], deletes: [] })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(await call('addComment', { packageId: pkgId, uid: p17.uid, parentId: null, text: '\uDFFF' })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(await call('createPackage', { title: 'Проект \uD800', baseVersionIds: [] })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  });

  it('a character outside the Basic Multilingual Plane (a whole surrogate pair) is text and is stored', async () => {
    const { versionId, p17 } = startPackage(ctx);
    const text = 'Университеты вправе 𝔸 и 😀:';
    expect(await call('saveDraft', { versionId, revision: 0, upserts: [{ ...p17, text }], deletes: [] })).toMatchObject({ ok: true });
    expect(ctx.store.provisions.load(versionId).find((r) => r.uid === p17.uid)?.text).toBe(text);
  });
});

describe('a reply answers a comment on the same amendment of the same package', () => {
  function commented() {
    setIdentity(ctx, { name: 'Рецензент', role: 'МЮ' });
    const a = startPackage(ctx, 'Первый');
    saveDraft(ctx, { versionId: a.versionId, revision: 0, upserts: [{ ...a.p17, text: 'Университеты и колледжи вправе:' }, { ...a.p19, text: 'Вводится с 2027 года.' }], deletes: [] });
    const b = startPackage(ctx, 'Второй');
    saveDraft(ctx, { versionId: b.versionId, revision: 0, upserts: [{ ...b.p17, text: 'Колледжи вправе:' }], deletes: [] });
    return { a, b };
  }

  it('a reply to a comment that does not exist is NOT_FOUND, not INTERNAL FOREIGN KEY (regression)', async () => {
    const { a } = commented();
    const reply = await call('addComment', { packageId: a.pkgId, uid: a.p17.uid, parentId: 'nosuchcomment1', text: 'Ответ.' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', key: 'comment.parentNotFound' } });
  });

  it('a reply to a comment of another package, or of another amendment, is refused (regression)', async () => {
    const { a, b } = commented();
    expect(await call('addComment', { packageId: a.pkgId, uid: a.p17.uid, parentId: null, text: 'Вопрос.' })).toMatchObject({ ok: true });
    const [question] = ctx.store.review.comments(a.pkgId, a.p17.uid);
    expect(await call('addComment', { packageId: b.pkgId, uid: b.p17.uid, parentId: question!.id, text: 'Чужой ответ.' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', key: 'comment.parentElsewhere' } });
    expect(await call('addComment', { packageId: a.pkgId, uid: a.p19.uid, parentId: question!.id, text: 'Ответ не туда.' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', key: 'comment.parentElsewhere' } });
    expect(await call('addComment', { packageId: a.pkgId, uid: a.p17.uid, parentId: question!.id, text: 'Ответ.' })).toMatchObject({ ok: true });
    expect(ctx.store.review.comments(b.pkgId, b.p17.uid)).toEqual([]);
  });
});

describe('a full disk and a read-only database are their own codes, and nothing is half-written', () => {
  it('a full disk: DISK_FULL (regression: INTERNAL), the draft as it was', async () => {
    const { versionId, p17 } = startPackage(ctx);
    // SQLite's own limit on the file's size gives the same SQLITE_FULL a full disk gives.
    const pages = connectionOf(ctx.store).pragma('page_count', { simple: true }) as number;
    connectionOf(ctx.store).pragma(`max_page_count = ${pages}`);
    const reply = await call('saveDraft', { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты вправе: '.repeat(20_000) }], deletes: [] });
    expect(reply).toMatchObject({ ok: false, error: { code: 'DISK_FULL', message: expect.stringMatching(/disk is full/) } });
    connectionOf(ctx.store).pragma('max_page_count = 1073741823');
    expect(ctx.store.versions.get(versionId)?.revision).toBe(0);
    expect(ctx.store.provisions.load(versionId).find((r) => r.uid === p17.uid)?.text).toBe(p17.text);
  });

  it('a read-only database: READ_ONLY (regression: INTERNAL)', async () => {
    const { versionId, p17 } = startPackage(ctx);
    connectionOf(ctx.store).pragma('query_only = ON');
    try {
      const reply = await call('saveDraft', { versionId, revision: 0, upserts: [{ ...p17, text: 'Иначе.' }], deletes: [] });
      expect(reply).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    } finally {
      connectionOf(ctx.store).pragma('query_only = OFF');
    }
  });
});
