import { expect, it } from 'vitest';
import type { ProvisionRow } from '../../shared/law';
import type { PushReply } from '../../shared/team/contract';
import { startTeamServer } from '../../server/http/app';
import { prepareRejection, requireRestoration } from '../../server/team/rejection';
import { RejectionWorker, WorkerLost } from '../../server/work/rejection-pool';
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

  it("is worked out on the service's worker thread as on its own, refusals too; a worker that cannot start leaves it to the service's thread", async () => {
    const { db, url, databaseUrl } = team();
    const anna = await addUser(db, 'Анна Петрова', 'drafter');
    const rita = await addUser(db, 'Рита Сапарова', 'reviewer');
    const base = [row('article0001', '', 0, null), row('paragraph01', 'Университеты вправе заключать договоры.', 0), row('paragraph02', 'Договоры регистрируются.', 1)];
    const draft = [base[0]!, { ...base[1]!, text: 'Университеты и колледжи вправе заключать договоры.' }, base[2]!];
    const published = await teamClient(url, anna.token, 'laptop').post<{ revisions: Record<string, Record<string, number>> }>('/v1/packages', { packageId: 'package0001', title: 'О науке', drafts: [{ versionId: 'draftru0001', lang: 'ru', title: 'Закон', base: { versionId: 'lawru000001', title: 'Закон', inForceFrom: null, rows: base }, rows: draft }], members: [rita.user.id] });
    const worker = new RejectionWorker(databaseUrl);
    try {
      expect(await worker.prepare('draftru0001', 'paragraph01')).toEqual(await prepareRejection(db, 'draftru0001', 'paragraph01'));
      expect(await worker.prepare('draftru0001', 'paragraph02')).toMatchObject({ outcome: { refusal: { code: 'INVALID', message: expect.stringContaining('has no amendment') } } });
      await expect(worker.prepare('nosuchdraft1', 'paragraph01')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await worker.close();
    }
    await expect(new RejectionWorker(databaseUrl, '/nonexistent/team-worker.js').prepare('draftru0001', 'paragraph01')).rejects.toBeInstanceOf(WorkerLost);

    // A service whose worker script is missing still takes the rejection, and says why it worked it out itself.
    const said: string[] = [];
    const server = await startTeamServer({ db, host: '127.0.0.1', port: 0, log: (message) => void said.push(message), databaseUrl, workerScript: '/nonexistent/team-worker.js' });
    try {
      const revisions = published.body.revisions['draftru0001']!;
      const decided = await teamClient(server.url, rita.token, 'rita-laptop').post('/v1/decisions', { packageId: 'package0001', versionId: 'draftru0001', uid: 'paragraph01', revision: revisions['paragraph01'], decision: 'reject', changes: [{ uid: 'paragraph01', baseRevision: revisions['paragraph01'], row: base[1] }] });
      expect(decided.status).toBe(200);
      expect(said).toEqual([expect.stringContaining('rejection worker is gone')]);
    } finally {
      await server.close();
    }
  });
});
