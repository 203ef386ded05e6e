import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { saveDraft } from '../../electron/services/drafts';
import { packageDocumentContent, redlineForPrinting, type ExportRequest } from '../../electron/services/export';
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
  it('two desktops in step with the server give the same documents, each made here from the synced state — the redline too, each change signed with who made it and when — and the same again with the server gone', async () => {
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
      // The redline: each change as a tracked change signed with who made it and when, the same on both.
      const redline = async (ctx: typeof a.ctx, format: 'html' | 'docx') => redlineForPrinting(ctx, { packageId: pkgId, versionId, format, changedOnly: false, comments: true });
      const html = String(await redline(a.ctx, 'html'));
      expect(html).toContain('Берик Ахметов');
      expect(String(await redline(b.ctx, 'html'))).toEqual(html);
      const documentXml = async (ctx: typeof a.ctx) => {
        const file = join(a.dir, `redline-${Math.random().toString(36).slice(2)}.docx`);
        writeFileSync(file, (await redline(ctx, 'docx')) as Uint8Array);
        return execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
      };
      const xml = await documentXml(a.ctx);
      expect(xml).toMatch(/w:author="Берик Ахметов" w:date="[^"]+"|w:date="[^"]+" w:author="Берик Ахметов"/);
      expect(await documentXml(b.ctx)).toEqual(xml);

      // The server goes away: each desktop, offline, makes the very same documents from what it has.
      await team().server.close();
      for (const request of DOCUMENTS) expect(await made(b.ctx, request), `offline ${request.document} ${request.lang}`).toEqual(await made(a.ctx, request));
      expect(String(await redline(b.ctx, 'html'))).toEqual(html);
      expect(await documentXml(b.ctx)).toEqual(xml);
    } finally {
      a.close();
      b.close();
    }
  });
});
