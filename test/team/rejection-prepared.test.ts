import { expect, it } from 'vitest';
import type { ProvisionRow } from '../../shared/law';
import type { PushReply } from '../../shared/team/contract';
import { prepareRejection, requireRestoration } from '../../server/team/rejection';
import { addUser } from '../../server/team/users';
import { describeTeam, teamClient, useTeamServer } from './harness';

const team = useTeamServer();

const row = (uid: string, text: string, ord: number, parentUid: string | null = 'article0001'): ProvisionRow => ({ uid, parentUid, ord, kind: parentUid ? 'paragraph' : 'article', num: String(ord + 1), heading: '', text, repealed: false, notes: [] });

describeTeam('a rejection worked out before the decision takes its locks', () => {
  it('is used while the draft is as it was, and worked out again inside once anything of the draft changed since', async () => {
    const { db, url } = team();
    const anna = await addUser(db, 'Анна Петрова', 'drafter');
    const base = [row('article0001', '', 0, null), row('paragraph01', 'Университеты вправе заключать договоры.', 0), row('paragraph02', 'Договоры регистрируются.', 1)];
    const draft = [base[0]!, { ...base[1]!, text: 'Университеты и колледжи вправе заключать договоры.' }, base[2]!];
    const published = await teamClient(url, anna.token, 'laptop').post<{ revisions: Record<string, Record<string, number>> }>('/v1/packages', { packageId: 'package0001', title: 'О науке', drafts: [{ versionId: 'draftru0001', lang: 'ru', title: 'Закон', base: { versionId: 'lawru000001', title: 'Закон', inForceFrom: null, rows: base }, rows: draft }], members: [] });
    const revisions = published.body.revisions['draftru0001']!;
    // Rejecting paragraph 1 puts its wording in force back.
    const restore = [{ uid: 'paragraph01', baseRevision: revisions['paragraph01']!, row: base[1]! }];
    const prepared = await prepareRejection(db, 'draftru0001', 'paragraph01');
    expect(prepared.outcome).toEqual({ changes: { upserts: [base[1]], deletes: [] } });
    // A prepared outcome that says something else shows which one is used.
    const misleading = { ...prepared, outcome: { changes: { upserts: [], deletes: [] } } };
    await expect(db.tx((q) => requireRestoration(q, 'draftru0001', 'paragraph01', restore, misleading))).rejects.toMatchObject({ code: 'INVALID' });
    await expect(db.tx((q) => requireRestoration(q, 'draftru0001', 'paragraph01', restore, prepared))).resolves.toBeUndefined();

    // Anna changes another provision: what was prepared no longer stands for the draft, and is not used.
    const pushed = await teamClient(url, anna.token, 'laptop').post<PushReply>('/v1/push', { opId: 'op-anna-00001', versionId: 'draftru0001', device: 'laptop', changes: [{ uid: 'paragraph02', baseRevision: revisions['paragraph02'], row: { ...base[2]!, text: 'Договоры регистрируются в реестре.' } }] });
    expect(pushed.body.status).toBe('applied');
    await expect(db.tx((q) => requireRestoration(q, 'draftru0001', 'paragraph01', restore, misleading))).resolves.toBeUndefined();
    // Worked out inside, it still refuses what rejecting does not do.
    await expect(db.tx((q) => requireRestoration(q, 'draftru0001', 'paragraph01', [...restore, { uid: 'paragraph02', baseRevision: revisions['paragraph02']!, row: base[2]! }], misleading))).rejects.toMatchObject({ code: 'INVALID' });
  });
});
