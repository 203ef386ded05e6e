// `npm run bench:team-review`: what a reviewer's rejection costs the team service on a 1,000-article
// code (about 2 MB of text), and what it costs the drafters meanwhile. The service works each
// rejection out again from its own rows before it takes it (server/team/rejection.ts): the whole
// draft read and its amendments derived. Timed, in one run: a rejection from request to answer
// (the reviewer's changes worked out beforehand, as her desktop does); a drafter's push while no
// one rejects, and while rejections run one after another (the service is one Node thread). The
// service runs as its own process over a PostgreSQL the bench starts. The last line is JSON.
import type { ChildProcess } from 'node:child_process';
import { TeamClient } from '../../electron/team/client';
import { derive } from '../../shared/amend';
import { rejectionOf } from '../../shared/amend/reject';
import { lawToRows, rowsToLaw, type ProvisionRow } from '../../shared/law';
import { addUser } from '../../server/team/users';
import { freePort, startServerProcess } from '../team/server-process';
import { benchDatabase } from './team-database';
import { syntheticCode } from './synthetic';

const ARTICLES = Number(process.env['ZAN_BENCH_ARTICLES'] ?? 1000);
const REJECTIONS = Number(process.env['ZAN_BENCH_REJECTIONS'] ?? 30);

const percentile = (values: number[], p: number) => (values.length === 0 ? 0 : Math.round([...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]! * 10) / 10);

const { db, url: databaseUrl, drop } = await benchDatabase('bench:team-review');
let server: ChildProcess | null = null;
try {
  const anna = await addUser(db, 'Анна Петрова', 'drafter');
  const berik = await addUser(db, 'Берик Ахметов', 'drafter');
  const rita = await addUser(db, 'Рита Сапарова', 'reviewer');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  server = await startServerProcess(databaseUrl, port);
  const base = lawToRows(syntheticCode(ARTICLES, 1));
  const textBytes = base.reduce((n, r) => n + Buffer.byteLength(r.text) + Buffer.byteLength(r.heading), 0);
  const annas = new TeamClient(url, anna.token, 'anna-laptop');
  const beriks = new TeamClient(url, berik.token, 'berik-laptop');
  const ritas = new TeamClient(url, rita.token, 'rita-laptop');
  const versionId = 'benchdraft01';
  const paragraphs = base.filter((r) => r.kind === 'paragraph' && r.text.length > 0);
  // Anna's draft: REJECTIONS paragraphs reworded, across the code.
  const reworded = Array.from({ length: REJECTIONS }, (_, i) => paragraphs[Math.floor(((i + 0.5) * paragraphs.length) / REJECTIONS)]!);
  const draft = new Map(base.map((r) => [r.uid, r]));
  for (const r of reworded) draft.set(r.uid, { ...r, text: `${r.text} (в редакции проекта)` });
  const published = await annas.publish({ packageId: 'benchpkg0001', title: 'Нагрузка', drafts: [{ versionId, lang: 'ru', title: 'Кодекс', base: { versionId: 'benchlaw0001', title: 'Кодекс', inForceFrom: null, rows: base }, rows: [...draft.values()] }], members: [berik.user.id, rita.user.id] });
  const revisionOf = new Map(Object.entries(published.revisions[versionId]!));

  // Berik saves a provision of his own every 25 ms, until told; each push timed.
  const own = paragraphs.filter((p) => !reworded.includes(p)).slice(0, 1)[0]!;
  let pushing = true;
  let n = 0;
  const pushesWhile = async (label: string, times: Map<string, number[]>) => {
    while (pushing) {
      const t = performance.now();
      const reply = await beriks.push({ opId: `benchberik${String(n).padStart(6, '0')}`, versionId, device: 'berik-laptop', changes: [{ uid: own.uid, baseRevision: revisionOf.get(own.uid) ?? null, row: { ...own, text: `${own.text} (${n++})` } }] });
      if (reply.status !== 'applied') throw new Error(`Berik's push: ${reply.status}`);
      revisionOf.set(own.uid, reply.revisions[own.uid]!);
      const list = times.get(label) ?? [];
      list.push(performance.now() - t);
      times.set(label, list);
      await new Promise((ok) => setTimeout(ok, 25));
    }
  };
  const pushes = new Map<string, number[]>();
  // Pushes with no one rejecting, for 5 s.
  let run = pushesWhile('alone', pushes);
  await new Promise((ok) => setTimeout(ok, 5000));
  pushing = false;
  await run;

  // Rita rejects Anna's amendments one after another (her desktop works each out first; not timed).
  pushing = true;
  run = pushesWhile('rejecting', pushes);
  const rejections: number[] = [];
  for (const target of reworded) {
    const rows = [...draft.values()];
    const amendment = derive(rowsToLaw(base, 'ru'), rowsToLaw(rows, 'ru')).find((a) => a.uid === target.uid)!;
    const change = rejectionOf({ amendment, base, draft: rows, lang: 'ru' });
    const changes = [...change.upserts.map((row: ProvisionRow) => ({ uid: row.uid, baseRevision: revisionOf.get(row.uid) ?? null, row })), ...change.deletes.map((uid) => ({ uid, baseRevision: revisionOf.get(uid) ?? null, row: null }))];
    const t = performance.now();
    const reply = await ritas.decide({ packageId: 'benchpkg0001', versionId, uid: target.uid, revision: revisionOf.get(target.uid)!, decision: 'reject', changes });
    rejections.push(performance.now() - t);
    for (const [uid, revision] of Object.entries(reply.revisions)) revisionOf.set(uid, revision);
    for (const row of change.upserts) draft.set(row.uid, row);
  }
  pushing = false;
  await run;

  const alone = pushes.get('alone') ?? [];
  const rejecting = pushes.get('rejecting') ?? [];
  const result = {
    articles: ARTICLES,
    rows: base.length,
    text_bytes: textBytes,
    rejections: rejections.length,
    p50_rejection_ms: percentile(rejections, 50),
    p95_rejection_ms: percentile(rejections, 95),
    pushes_alone: alone.length,
    p50_push_alone_ms: percentile(alone, 50),
    p95_push_alone_ms: percentile(alone, 95),
    pushes_while_rejecting: rejecting.length,
    p50_push_while_rejecting_ms: percentile(rejecting, 50),
    p95_push_while_rejecting_ms: percentile(rejecting, 95),
    max_push_while_rejecting_ms: percentile(rejecting, 100),
  };
  console.error(`${ARTICLES} articles (${base.length} rows): a rejection p50 ${result.p50_rejection_ms} ms, p95 ${result.p95_rejection_ms} ms; a drafter's push p95 ${result.p95_push_alone_ms} ms alone, ${result.p95_push_while_rejecting_ms} ms (max ${result.max_push_while_rejecting_ms}) while rejections run`);
  console.log(JSON.stringify(result));
} finally {
  server?.kill('SIGTERM');
  await drop();
}
