import { expect, it } from 'vitest';
import { saveDraft } from '../../electron/services/drafts';
import { packageDocumentContent, type ExportRequest } from '../../electron/services/export';
import { setIdentity } from '../../electron/services/identity';
import { joinFromTeam } from '../../electron/services/team/join';
import { publishToTeam } from '../../electron/services/team/publish';
import { pullFromTeam } from '../../electron/services/team/pull';
import { pushOutbox } from '../../electron/services/team/sync';
import { addUser } from '../../server/team/users';
import { startPackage } from '../electron/harness';
import { describeTeam, useTeamServer } from './harness';
import { serviceDesktop } from './service-desktop';

const team = useTeamServer();

const DOCUMENTS: Omit<ExportRequest, 'packageId'>[] = [
  { document: 'law', lang: 'ru', format: 'html' },
  { document: 'law', lang: 'kk', format: 'html' },
  { document: 'law', lang: 'en', format: 'html' },
  { document: 'table', lang: 'ru', format: 'html' },
  { document: 'coverage', lang: 'ru', format: 'csv' },
];

describeTeam('exports of a team package', () => {
  it('two desktops in step with the server give the same documents, each made here from the synced state', async () => {
    const anna = await addUser(team().db, 'Анна Петрова', 'drafter');
    const berik = await addUser(team().db, 'Берик Ахметов', 'drafter');
    const a = serviceDesktop(team().url, anna.token, 'anna-laptop');
    const b = serviceDesktop(team().url, berik.token, 'berik-laptop');
    try {
      setIdentity(a.ctx, { name: 'Анна Петрова', role: 'Отдел науки' });
      setIdentity(b.ctx, { name: 'Берик Ахметов', role: 'Юридический отдел' });
      const { pkgId, versionId, p17, p19 } = startPackage(a.ctx, 'Проект о консорциумах');
      saveDraft(a.ctx, { versionId, revision: 0, upserts: [{ ...p17, text: 'Университеты и колледжи вправе:' }], deletes: [] });
      await publishToTeam(a.ctx, a.api, pkgId, [berik.user.id]);
      await joinFromTeam(b.ctx, b.api);
      saveDraft(b.ctx, { versionId, revision: b.ctx.store.versions.get(versionId)!.revision, upserts: [{ ...p19, text: 'Исключен.', repealed: true }], deletes: [] });
      expect(await pushOutbox(b.ctx, b.api, b.device)).toMatchObject({ state: 'done', pushed: 1 });
      const made = async (ctx: typeof a.ctx, request: Omit<ExportRequest, 'packageId'>) => packageDocumentContent(ctx, { packageId: pkgId, ...request });
      const before = await Promise.all(DOCUMENTS.map((request) => made(a.ctx, request)));
      await pullFromTeam(a.ctx, a.api, versionId);

      for (const [i, request] of DOCUMENTS.entries()) {
        const fromAnna = await made(a.ctx, request);
        expect(await made(b.ctx, request), `${request.document} ${request.lang}`).toEqual(fromAnna);
        // Berik's change is in what Anna's desktop makes now (the Russian amending law and table name it;
        // this package has a Russian draft only, so the other languages' texts have nothing of it).
        if (request.document !== 'coverage' && request.lang === 'ru') expect(fromAnna, `${request.document} ${request.lang}`).not.toEqual(before[i]);
      }
    } finally {
      a.close();
      b.close();
    }
  });
});
