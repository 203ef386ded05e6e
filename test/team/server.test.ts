import { SERVER_SCHEMA_VERSION } from '../../server/db/migrations';
import { expect, it } from 'vitest';
import type { ProvisionRow } from '../../shared/law';
import { PROTOCOL_HEADER, TEAM_PROTOCOL, type Lease, type PushReply } from '../../shared/team/contract';
import { connect } from '../../server/db/connect';
import { migrateTeamDatabase } from '../../server/db/migrate';
import { verifyServerAudit } from '../../server/team/audit';
import { LEASE_SECONDS } from '../../server/team/leases';
import { addUser, revokeUser } from '../../server/team/users';
import { describeTeam, freshDatabase, teamClient, useTeamServer } from './harness';

const team = useTeamServer();

function row(uid: string, text: string, parentUid: string | null = 'article0001', ord = 0, num = '1'): ProvisionRow {
  return { uid, parentUid, ord, kind: parentUid ? 'paragraph' : 'article', num, heading: '', text, repealed: false, notes: [] };
}

/** A team of an owner, two drafters, a reviewer and a reader, and a package the owner published with them all but `outsider` as members. */
async function publishedTeam() {
  const { db, url } = team();
  const people = {
    owner: await addUser(db, 'Айгуль Сериккызы', 'owner'),
    anna: await addUser(db, 'Анна Петрова', 'drafter'),
    berik: await addUser(db, 'Берик Ахметов', 'drafter'),
    reviewer: await addUser(db, 'Дина Омарова', 'reviewer'),
    reader: await addUser(db, 'Ерлан Касымов', 'reader'),
    outsider: await addUser(db, 'Жанар Нурланова', 'reviewer'),
  };
  const client = (who: keyof typeof people, device = `${who}-laptop`) => teamClient(url, people[who].token, device);
  const article = row('article0001', '', null, 0, '5');
  const rows = [article, row('paragraph01', 'Университеты вправе заключать договоры.'), row('paragraph02', 'Договоры регистрируются.', 'article0001', 1, '2')];
  const published = await client('owner').post<{ revisions: Record<string, Record<string, number>> }>('/v1/packages', {
    packageId: 'package0001',
    title: 'О науке: сотрудничество с промышленностью',
    drafts: [{ versionId: 'draftru0001', lang: 'ru', title: 'Закон о науке', base: { versionId: 'lawru000001', title: 'Закон о науке', inForceFrom: '2024-01-01', rows }, rows }],
    members: ['anna', 'berik', 'reviewer', 'reader'].map((k) => people[k as keyof typeof people].user.id),
  });
  expect(published.status).toBe(200);
  return { people, client, revisions: published.body.revisions['draftru0001']! };
}

describeTeam('the team service over PostgreSQL', () => {
  it('two drafters race for one provision: one holds the lease, the other is told who, cannot push there, and gets it once it is given back', async () => {
    const { client } = await publishedTeam();
    const anna = client('anna');
    const berik = client('berik');
    const asked = { versionId: 'draftru0001', uid: 'paragraph01' };
    const [a, b] = await Promise.all([anna.post<Lease>('/v1/leases', { ...asked, device: 'anna-laptop' }), berik.post<Lease>('/v1/leases', { ...asked, device: 'berik-laptop' })]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 423]);
    const [winner, loser] = a.status === 200 ? [anna, berik] : [berik, anna];
    const winnerName = a.status === 200 ? 'Анна Петрова' : 'Берик Ахметов';
    const refused = (a.status === 423 ? a : b) as unknown as { body: { error: { code: string; detail: { holder: string } } } };
    expect(refused.body.error).toMatchObject({ code: 'LEASED', detail: { holder: winnerName } });
    const current = (await loser.get<{ provisions: { uid: string; revision: number }[] }>('/v1/drafts/draftru0001')).body.provisions.find((p) => p.uid === 'paragraph01')!;
    const loserDevice = a.status === 200 ? 'berik-laptop' : 'anna-laptop';
    const pushed = await loser.post<PushReply>('/v1/push', { opId: 'op-loser-0001', versionId: 'draftru0001', device: loserDevice, changes: [{ uid: 'paragraph01', baseRevision: current.revision, row: row('paragraph01', 'Переписано без аренды.') }] });
    expect(pushed).toMatchObject({ status: 423, body: { status: 'leased', uid: 'paragraph01', holder: winnerName } });
    // The same person on another device is someone else too: two windows must not both type.
    const winnerDevice = a.status === 200 ? 'anna-laptop' : 'berik-laptop';
    expect((await winner.post('/v1/leases', { ...asked, device: 'second-window' })).status).toBe(423);
    expect((await winner.call('DELETE', '/v1/leases', { ...asked, device: winnerDevice })).status).toBe(200);
    expect((await loser.post<Lease>('/v1/leases', { ...asked, device: loserDevice })).body).toMatchObject({ uid: 'paragraph01', holder: a.status === 200 ? 'Берик Ахметов' : 'Анна Петрова' });
  });

  it('regression (review): a push refused for a lease is not decided — the same push, retried once the lease is given back, is applied', async () => {
    const { client, revisions } = await publishedTeam();
    const lease = { versionId: 'draftru0001', uid: 'paragraph01' };
    expect((await client('berik').post('/v1/leases', { ...lease, device: 'berik-laptop' })).status).toBe(200);
    const body = { opId: 'op-anna-leased1', versionId: 'draftru0001', device: 'anna-laptop', changes: [{ uid: 'paragraph01', baseRevision: revisions['paragraph01'], row: row('paragraph01', 'После аренды.') }] };
    expect((await client('anna').post<PushReply>('/v1/push', body)).body).toMatchObject({ status: 'leased', holder: 'Берик Ахметов' });
    await client('berik').call('DELETE', '/v1/leases', { ...lease, device: 'berik-laptop' });
    expect((await client('anna').post<PushReply>('/v1/push', body)).body).toMatchObject({ status: 'applied' });
  });

  it('a lease not renewed for LEASE_SECONDS lapses: no longer listed, and another drafter takes it and may push there', async () => {
    const { client, revisions } = await publishedTeam();
    const asked = { versionId: 'draftru0001', uid: 'paragraph01' };
    const taken = await client('berik').post<Lease>('/v1/leases', { ...asked, device: 'berik-laptop' });
    expect(taken.status).toBe(200);
    expect(Date.parse(taken.body.expiresAt) - Date.now()).toBeGreaterThan((LEASE_SECONDS - 10) * 1000);
    expect((await client('anna').post('/v1/leases', { ...asked, device: 'anna-laptop' })).status).toBe(423);
    // Berik's desktop went quiet: his lease's time passes (moved back here rather than waited for).
    await team().db.query("UPDATE lease SET expires_at = now() - interval '1 second' WHERE uid = 'paragraph01'");
    expect((await client('anna').get<Lease[]>('/v1/drafts/draftru0001/leases')).body).toEqual([]);
    expect((await client('anna').post<Lease>('/v1/leases', { ...asked, device: 'anna-laptop' })).body).toMatchObject({ uid: 'paragraph01', holder: 'Анна Петрова' });
    const pushed = await client('anna').post<PushReply>('/v1/push', { opId: 'op-anna-lapsed1', versionId: 'draftru0001', device: 'anna-laptop', changes: [{ uid: 'paragraph01', baseRevision: revisions['paragraph01'], row: row('paragraph01', 'После паузы.') }] });
    expect(pushed.body).toMatchObject({ status: 'applied' });
    // Berik, back, is told who has it now.
    expect((await client('berik').post('/v1/leases', { ...asked, device: 'berik-laptop' })).body).toMatchObject({ error: { code: 'LEASED', detail: { holder: 'Анна Петрова' } } });
  });

  it("a structural change under a provision someone else holds — an insertion, a deletion, a renumbering, a move out — needs that provision's lease; a change of wording only does not", async () => {
    const { client, revisions } = await publishedTeam();
    // Berik holds article 5 (the parent of both paragraphs).
    expect((await client('berik').post('/v1/leases', { versionId: 'draftru0001', uid: 'article0001', device: 'berik-laptop' })).status).toBe(200);
    const anna = client('anna');
    let n = 0;
    const pushOne = (uid: string, baseRevision: number | null, changed: ProvisionRow | null) => anna.post<PushReply>('/v1/push', { opId: `op-anna-struct${n++}`, versionId: 'draftru0001', device: 'anna-laptop', changes: [{ uid, baseRevision, row: changed }] });
    const leasedByBerik = { status: 423, body: { status: 'leased', uid: 'article0001', holder: 'Берик Ахметов' } };
    // A paragraph inserted under it, one deleted, one renumbered, one moved to another article: refused, naming the parent's holder.
    expect(await pushOne('paragraph03', null, row('paragraph03', 'Новый пункт.', 'article0001', 2, '3'))).toMatchObject(leasedByBerik);
    expect(await pushOne('paragraph02', revisions['paragraph02']!, null)).toMatchObject(leasedByBerik);
    expect(await pushOne('paragraph02', revisions['paragraph02']!, row('paragraph02', 'Договоры регистрируются.', 'article0001', 1, '1-1'))).toMatchObject(leasedByBerik);
    expect(await pushOne('article0002', null, row('article0002', '', null, 1, '6'))).toMatchObject({ status: 200, body: { status: 'applied' } });
    expect(await pushOne('paragraph02', revisions['paragraph02']!, row('paragraph02', 'Договоры регистрируются.', 'article0002', 0, '1'))).toMatchObject(leasedByBerik);
    // Nothing of those was applied.
    const onServer = (await anna.get<{ provisions: { uid: string; revision: number; row: ProvisionRow | null }[] }>('/v1/drafts/draftru0001')).body.provisions;
    expect(onServer.find((p) => p.uid === 'paragraph03')).toBeUndefined();
    expect(onServer.find((p) => p.uid === 'paragraph02')).toMatchObject({ revision: revisions['paragraph02'], row: { parentUid: 'article0001', num: '2' } });
    // The wording of a paragraph under it is not structure: applied.
    expect(await pushOne('paragraph02', revisions['paragraph02']!, row('paragraph02', 'Договоры регистрируются в реестре.', 'article0001', 1, '2'))).toMatchObject({ status: 200, body: { status: 'applied' } });
  });

  it('an edit made on a revision no longer current is refused whole with the wording in force; pushed again on it, it is applied', async () => {
    const { client, revisions } = await publishedTeam();
    const base = revisions['paragraph01']!;
    const other = await client('berik').post<PushReply>('/v1/push', { opId: 'op-berik-0001', versionId: 'draftru0001', device: 'berik-laptop', changes: [{ uid: 'paragraph01', baseRevision: base, row: row('paragraph01', 'Университеты и предприятия вправе заключать договоры.') }] });
    expect(other.body).toMatchObject({ status: 'applied' });
    const theirs = (other.body as { revisions: Record<string, number> }).revisions['paragraph01']!;
    expect(theirs).toBeGreaterThan(base);
    // Anna's edit, made offline on the revision she had, and a second provision in the same push.
    const mine = { opId: 'op-anna-00001', versionId: 'draftru0001', device: 'anna-laptop', changes: [{ uid: 'paragraph01', baseRevision: base, row: row('paragraph01', 'Университеты вправе заключать договоры с бизнесом.') }, { uid: 'paragraph02', baseRevision: revisions['paragraph02']!, row: row('paragraph02', 'Договоры регистрируются в реестре.', 'article0001', 1, '2') }] };
    const refused = await client('anna').post<PushReply>('/v1/push', mine);
    expect(refused).toMatchObject({ status: 409, body: { status: 'stale', current: [{ uid: 'paragraph01', revision: theirs, row: { text: 'Университеты и предприятия вправе заключать договоры.' } }] } });
    // Nothing of the refused push was applied, not even the provision that was current.
    const after = (await client('anna').get<{ provisions: { uid: string; revision: number; row: ProvisionRow }[] }>('/v1/drafts/draftru0001')).body.provisions;
    expect(after.find((p) => p.uid === 'paragraph02')).toMatchObject({ revision: revisions['paragraph02'], row: { text: 'Договоры регистрируются.' } });
    // The drafter chose a wording: pushed on the revision in force, under a new id.
    const chosen = await client('anna').post<PushReply>('/v1/push', { ...mine, opId: 'op-anna-00002', changes: [{ ...mine.changes[0]!, baseRevision: theirs, row: row('paragraph01', 'Университеты и предприятия вправе заключать договоры с бизнесом.') }, mine.changes[1]!] });
    expect(chosen.body).toMatchObject({ status: 'applied' });
  });

  it('a reviewer decides on the exact revision they read: a decision on one since changed is refused and says why', async () => {
    const { client, revisions } = await publishedTeam();
    const read = revisions['paragraph01']!;
    expect((await client('reviewer').post('/v1/decisions', { packageId: 'package0001', versionId: 'draftru0001', uid: 'paragraph01', revision: read, decision: 'accept' })).status).toBe(200);
    await client('anna').post('/v1/push', { opId: 'op-anna-00003', versionId: 'draftru0001', device: 'anna-laptop', changes: [{ uid: 'paragraph01', baseRevision: read, row: row('paragraph01', 'Изменено после решения.') }] });
    const stale = await client('reviewer').post<{ error: { code: string; message: string; detail: { current: number } } }>('/v1/decisions', { packageId: 'package0001', versionId: 'draftru0001', uid: 'paragraph01', revision: read, decision: 'reject' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE');
    expect(stale.body.error.message).toMatch(/changed since you read it/);
    expect(stale.body.error.detail.current).toBeGreaterThan(read);
    // The last decision is the accepted one, on the revision it was made on, lapsed by the change made since; a drafter cannot decide.
    expect((await client('anna').get('/v1/drafts/draftru0001/decisions')).body).toEqual([{ uid: 'paragraph01', revision: read, decision: 'accept', by: 'Дина Омарова', standsOn: read, lapsed: true }]);
    expect((await client('anna').post('/v1/decisions', { packageId: 'package0001', versionId: 'draftru0001', uid: 'paragraph02', revision: revisions['paragraph02'], decision: 'accept' })).status).toBe(403);
  });

  it('a reader reads and cannot write; a reviewer who is not a member sees nothing; a revoked token opens nothing', async () => {
    const { client, revisions, people } = await publishedTeam();
    const reader = client('reader');
    expect((await reader.get('/v1/drafts/draftru0001')).status).toBe(200);
    expect((await reader.post('/v1/push', { opId: 'op-reader-001', versionId: 'draftru0001', device: 'reader-laptop', changes: [{ uid: 'paragraph01', baseRevision: revisions['paragraph01'], row: row('paragraph01', 'Нельзя.') }] })).status).toBe(403);
    expect((await reader.post('/v1/leases', { versionId: 'draftru0001', uid: 'paragraph01', device: 'reader-laptop' })).status).toBe(403);
    expect((await reader.post('/v1/comments', { id: 'comment00001', packageId: 'package0001', uid: 'paragraph01', parentId: null, supersedes: null, text: 'Нельзя.', deleted: false })).status).toBe(403);
    const outsider = client('outsider');
    expect((await outsider.get('/v1/packages')).body).toEqual([]);
    expect((await outsider.get('/v1/drafts/draftru0001')).status).toBe(404);
    expect((await outsider.post('/v1/decisions', { packageId: 'package0001', versionId: 'draftru0001', uid: 'paragraph01', revision: revisions['paragraph01'], decision: 'accept' })).status).toBe(404);
    expect((await outsider.get('/v1/packages/package0001/comments/paragraph01')).status).toBe(404);
    await revokeUser(team().db, people.reader.user.id);
    expect((await reader.get('/v1/packages')).status).toBe(401);
    expect((await teamClient(team().url, 'zan_not-a-token', 'x').get('/v1/packages')).status).toBe(401);
  });

  it('comments are appended only: an edit is a new version, a deletion a tombstone; the table refuses UPDATE and DELETE', async () => {
    const { client } = await publishedTeam();
    const reviewer = client('reviewer');
    const first = { id: 'comment00001', packageId: 'package0001', uid: 'paragraph01', parentId: null, supersedes: null, text: 'Уточнить, какие договоры.', deleted: false };
    expect((await reviewer.post('/v1/comments', first)).status).toBe(200);
    expect((await reviewer.post('/v1/comments', { ...first, id: 'comment00002', supersedes: 'comment00001', text: 'Уточнить: договоры о совместных исследованиях.' })).status).toBe(200);
    expect((await client('anna').post('/v1/comments', { ...first, id: 'comment00003', parentId: 'comment00001', text: 'Уточнено в пункте 2.' })).status).toBe(200);
    // Someone else's comment is not theirs to change.
    expect((await client('anna').post('/v1/comments', { ...first, id: 'comment00004', supersedes: 'comment00001', text: 'Подмена.' })).status).toBe(403);
    const listed = (await client('anna').get<{ id: string; text: string; parentId: string | null }[]>('/v1/packages/package0001/comments/paragraph01')).body;
    expect(listed.map((c) => [c.id, c.text, c.parentId])).toEqual([
      ['comment00001', 'Уточнить: договоры о совместных исследованиях.', null],
      ['comment00003', 'Уточнено в пункте 2.', 'comment00001'],
    ]);
    expect((await client('anna').post('/v1/comments', { ...first, id: 'comment00005', supersedes: 'comment00003', text: '', deleted: true })).status).toBe(200);
    // The deleted one is listed as its tombstone (so a desktop that has it learns of the deletion), its text gone.
    const after = (await client('anna').get<{ id: string; text: string; version?: string; deleted?: boolean }[]>('/v1/packages/package0001/comments/paragraph01')).body;
    expect(after.map((c) => [c.id, c.text, c.version, c.deleted ?? false])).toEqual([
      ['comment00001', 'Уточнить: договоры о совместных исследованиях.', 'comment00002', false],
      ['comment00003', '', 'comment00005', true],
    ]);
    await expect(team().db.query("UPDATE comment SET text = 'x'")).rejects.toThrow(/append-only/);
    await expect(team().db.query('DELETE FROM comment')).rejects.toThrow(/append-only/);
  });

  it('the server log chains every change with who, the device, and the base and new revisions; rewriting an entry is refused, and found if forced', async () => {
    const { client, revisions, people } = await publishedTeam();
    await client('anna').post('/v1/push', { opId: 'op-anna-00004', versionId: 'draftru0001', device: 'anna-laptop', changes: [{ uid: 'paragraph01', baseRevision: revisions['paragraph01'], row: row('paragraph01', 'Новая редакция.') }] });
    await client('reviewer').post('/v1/comments', { id: 'comment00001', packageId: 'package0001', uid: 'paragraph01', parentId: null, supersedes: null, text: 'Согласна.', deleted: false });
    const { db } = team();
    expect(await verifyServerAudit(db)).toMatchObject({ ok: true, entries: 3 });
    const [change] = await db.query<{ user_id: string; device: string; base_revision: string; new_revision: string }>("SELECT user_id, device, base_revision, new_revision FROM audit_log WHERE action = 'change'");
    expect(change).toMatchObject({ user_id: people.anna.user.id, device: 'anna-laptop', base_revision: String(revisions['paragraph01']) });
    expect(Number(change!.new_revision)).toBeGreaterThan(revisions['paragraph01']!);
    await expect(db.query("UPDATE audit_log SET device = 'elsewhere' WHERE seq = 2")).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_log WHERE seq = 3')).rejects.toThrow(/append-only/);
    await expect(db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    // A database owner can switch the trigger off; the check still finds the entry changed.
    await db.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await db.query("UPDATE audit_log SET device = 'elsewhere' WHERE seq = 2");
    expect(await verifyServerAudit(db)).toMatchObject({ ok: false, firstBad: 2 });
  });

  it('events reach the members of the package as they happen, and no one else', async () => {
    const { client, revisions, people } = await publishedTeam();
    const events = (token: string) => {
      const got: string[] = [];
      const controller = new AbortController();
      const done = fetch(`${team().url}/v1/events`, { headers: { authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: String(TEAM_PROTOCOL) }, signal: controller.signal }).then(async (response) => {
        const reader = response.body!.getReader();
        for (;;) {
          const { value, done: end } = await reader.read();
          if (end) return;
          got.push(new TextDecoder().decode(value));
        }
      }).catch(() => undefined);
      return { got, stop: () => (controller.abort(), done) };
    };
    const member = events(people.reviewer.token);
    const outsider = events(people.outsider.token);
    while (team().server.subscribers() < 2) await new Promise((ok) => setTimeout(ok, 5));
    await client('anna').post('/v1/push', { opId: 'op-anna-00005', versionId: 'draftru0001', device: 'anna-laptop', changes: [{ uid: 'paragraph02', baseRevision: revisions['paragraph02'], row: row('paragraph02', 'Новая редакция пункта 2.', 'article0001', 1, '2') }] });
    await client('anna').post('/v1/leases', { versionId: 'draftru0001', uid: 'paragraph01', device: 'anna-laptop' });
    while (!member.got.join('').includes('event: lease')) await new Promise((ok) => setTimeout(ok, 5));
    const text = member.got.join('');
    expect(text).toMatch(/event: push\ndata: \{[^\n]*"uid"|event: push\ndata: \{[^\n]*"paragraph02"/);
    expect(text).toContain('"holder":"Анна Петрова"');
    await Promise.all([member.stop(), outsider.stop()]);
    expect(outsider.got.join('')).not.toContain('event:');
  });

  it('migrations: an empty database gets the schema once; another application\'s database and a newer one are refused untouched', async () => {
    const fresh = await freshDatabase();
    const db = connect(fresh.url);
    try {
      expect(await migrateTeamDatabase(db)).toEqual({ from: 0, to: SERVER_SCHEMA_VERSION });
      expect(SERVER_SCHEMA_VERSION).toBe(6);
      expect(await migrateTeamDatabase(db)).toEqual({ from: SERVER_SCHEMA_VERSION, to: SERVER_SCHEMA_VERSION });
      await db.query('UPDATE zan_team_schema SET version = 99');
      await expect(migrateTeamDatabase(db)).rejects.toThrow(/schema version 99, newer than this server/);
    } finally {
      await db.close();
      await fresh.drop();
    }
    const other = await freshDatabase();
    const otherDb = connect(other.url);
    try {
      await otherDb.query('CREATE TABLE invoices (id int)');
      await expect(migrateTeamDatabase(otherDb)).rejects.toThrow(/tables of another application \(invoices/);
      expect((await otherDb.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).map((t) => t['table_name'])).toEqual(['invoices']);
    } finally {
      await otherDb.close();
      await other.drop();
    }
  });
});
