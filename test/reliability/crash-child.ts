// The child of the crash harness (crash.ts): the app's main-process side over the database named
// on the command line, saving a draft without end through the autosave's IPC channel, exactly as
// the editor does, and printing one line per acknowledged save before the next. The parent kills
// it with SIGKILL at a random moment; what it printed is what the user was told was saved.
import { writeSync } from 'node:fs';
import { lawToRows, rowsToLaw, type ProvisionRow } from '../../shared/law';
import { openApp, FROM_APP } from './app-context';

const [databaseFile, versionId, seedText] = process.argv.slice(2) as [string, string, string];
// With the app's worker threads: the saves are made by the writer thread, as in the app.
// The worker threads are unreferenced: this keeps the process alive while it waits for them.
setInterval(() => undefined, 1 << 30);
const app = openApp(databaseFile, { workers: true });
await app.work?.ready();
let seed = Number(seedText) >>> 0;
const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);

const version = app.ctx.store.versions.get(versionId);
if (!version) throw new Error(`no draft ${versionId}`);
let revision = version.revision;
let rows: ProvisionRow[] = lawToRows(rowsToLaw(app.ctx.store.provisions.load(versionId), 'ru'));
let n = 0;

/** One change a drafter could make: reword a paragraph (mostly), or add / take out a paragraph at an article's end. */
function nextChange(): { upserts: ProvisionRow[]; deletes: string[] } {
  const paragraphs = rows.filter((r) => r.kind === 'paragraph' && !r.repealed);
  const added = rows.filter((r) => r.uid.startsWith('crash'));
  const roll = random();
  if (roll < 0.1 && added.length > 0) return { upserts: [], deletes: [added[Math.floor(random() * added.length)]!.uid] };
  if (roll < 0.2) {
    const articles = rows.filter((r) => r.kind === 'article' && !r.repealed);
    const article = articles[Math.floor(random() * articles.length)]!;
    const children = rows.filter((r) => r.parentUid === article.uid);
    if (children.length > 0 && children.every((c) => c.kind === 'paragraph' && /^\d+$/.test(c.num))) {
      const last = Math.max(...children.map((c) => Number(c.num)));
      const ord = Math.max(...children.map((c) => c.ord)) + 1;
      return { upserts: [{ uid: `crash${(seed % 1e9).toString(36)}${n}`.slice(0, 40), parentUid: article.uid, ord, kind: 'paragraph', num: String(last + 1), heading: '', text: `Добавленный пункт ${n}.`, repealed: false, notes: [] }], deletes: [] };
    }
  }
  const p = paragraphs[Math.floor(random() * paragraphs.length)]!;
  return { upserts: [{ ...p, text: `${p.text.replace(/ \[правка \d+\]$/, '')} [правка ${n}]` }], deletes: [] };
}

for (;;) {
  n++;
  const change = nextChange();
  const reply = await app.dispatch('zan:saveDraft', { versionId, revision, ...change }, FROM_APP);
  if (!reply.ok) {
    // A change the law refuses (numbering) is not an acknowledgement; the next one is tried.
    if (reply.error.code === 'INVALID_LAW' || reply.error.code === 'INVALID_INPUT') continue;
    writeSync(2, `save refused: ${reply.error.code} ${reply.error.message}\n`);
    process.exit(3);
  }
  revision = (reply.value as { revision: number }).revision;
  const byUid = new Map(rows.map((r) => [r.uid, r]));
  for (const uid of change.deletes) byUid.delete(uid);
  for (const r of change.upserts) byUid.set(r.uid, r);
  rows = [...byUid.values()];
  // Synchronous, so the line is out before the next save starts: an acknowledgement the user saw.
  const unit = change.upserts[0];
  writeSync(1, `${JSON.stringify({ revision, uid: unit?.uid ?? change.deletes[0], text: unit?.text ?? null })}\n`);
}
