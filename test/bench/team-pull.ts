// `npm run bench:team-pull`: what a desktop's pull costs on a 1,000-article code (about 2 MB of
// text) once a colleague has saved one provision — as every listening desktop does after each
// save of another. Two ways in the same run, alternated: the whole draft with its law (a desktop
// with no pull recorded, and every pull before the `since` pull existed) and only what changed
// since the last pull (`?since=&base=`). Each timed from the request to the answer parsed as the
// desktop parses it (TeamClient: the contract's schema). The service runs as its own process over
// a PostgreSQL the bench starts. The last line is JSON: bytes and p50 of each, and their ratios.
import type { ChildProcess } from 'node:child_process';
import { TeamClient } from '../../electron/team/client';
import { lawToRows } from '../../shared/law';
import { PROTOCOL_HEADER, TEAM_PROTOCOL, type PushReply } from '../../shared/team/contract';
import { addUser } from '../../server/team/users';
import { freePort, startServerProcess } from '../team/server-process';
import { benchDatabase } from './team-database';
import { syntheticCode } from './synthetic';

const ARTICLES = Number(process.env['ZAN_BENCH_ARTICLES'] ?? 1000);
const ROUNDS = Number(process.env['ZAN_BENCH_ROUNDS'] ?? 15);

const median = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]! * 10) / 10;

const { db, url: databaseUrl, drop } = await benchDatabase('bench:team-pull');
let server: ChildProcess | null = null;
try {
  const anna = await addUser(db, 'Анна Петрова', 'drafter');
  const olga = await addUser(db, 'Ольга Ким', 'drafter');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  server = await startServerProcess(databaseUrl, port);
  const rows = lawToRows(syntheticCode(ARTICLES, 1));
  const textBytes = rows.reduce((n, r) => n + Buffer.byteLength(r.text) + Buffer.byteLength(r.heading), 0);
  const annas = new TeamClient(url, anna.token, 'anna-laptop');
  const olgas = new TeamClient(url, olga.token, 'olga-desktop');
  const baseId = 'benchlaw0001';
  const versionId = 'benchdraft01';
  const { revisions } = await annas.publish({ packageId: 'benchpkg0001', title: 'Нагрузка', drafts: [{ versionId, lang: 'ru', title: 'Кодекс', base: { versionId: baseId, title: 'Кодекс', inForceFrom: null, rows }, rows }], members: [olga.user.id] });
  const paragraphs = rows.filter((r) => r.kind === 'paragraph' && r.text.length > 0);
  let since = Math.max(...Object.values(revisions[versionId]!));
  const revisionOf = new Map(Object.entries(revisions[versionId]!));

  // Byte counts of the two answers, as sent.
  const sizeOf = async (query: string) => (await (await fetch(`${url}/v1/drafts/${versionId}${query}`, { headers: { authorization: `Bearer ${olga.token}`, [PROTOCOL_HEADER]: String(TEAM_PROTOCOL) } })).arrayBuffer()).byteLength;
  const whole: number[] = [];
  const changed: number[] = [];
  let bytesWhole = 0;
  let bytesSince = 0;
  for (let round = 0; round < ROUNDS + 2; round++) {
    // Anna saves one provision; Olga's desktop pulls.
    const row = paragraphs[(round * 37) % paragraphs.length]!;
    const reply: PushReply = await annas.push({ opId: `benchop${String(round).padStart(4, "0")}`, versionId, device: 'anna-laptop', changes: [{ uid: row.uid, baseRevision: revisionOf.get(row.uid) ?? null, row: { ...row, text: `${row.text} (редакция ${round})` } }] });
    if (reply.status !== 'applied') throw new Error(`push ${round}: ${reply.status}`);
    revisionOf.set(row.uid, reply.revisions[row.uid]!);
    const ways = [
      async () => {
        const t = performance.now();
        const answer = await olgas.pull(versionId);
        if (answer.provisions.length !== rows.length) throw new Error('the whole pull lacks provisions');
        return performance.now() - t;
      },
      async () => {
        const t = performance.now();
        const answer = await olgas.pull(versionId, { since, base: baseId });
        if (answer.provisions.length !== 1 || answer.base.rows) throw new Error(`the pull since ${since} brought ${answer.provisions.length} provisions`);
        const took = performance.now() - t;
        since = answer.upTo!;
        return took;
      },
    ] as const;
    // Alternated, so neither always runs on a warmer server; the first two rounds warm up.
    const order = round % 2 === 0 ? [0, 1] : [1, 0];
    const taken: number[] = [];
    for (const way of order) taken[way] = await ways[way]!();
    if (round >= 2) {
      whole.push(taken[0]!);
      changed.push(taken[1]!);
    }
  }
  bytesWhole = await sizeOf('');
  bytesSince = await sizeOf(`?since=${since - 1}&base=${baseId}`);
  const result = {
    articles: ARTICLES,
    rows: rows.length,
    text_bytes: textBytes,
    rounds: ROUNDS,
    bytes_whole: bytesWhole,
    bytes_since: bytesSince,
    p50_whole_ms: median(whole),
    p50_since_ms: median(changed),
    bytes_ratio: Math.round((bytesWhole / bytesSince) * 10) / 10,
    time_ratio: Math.round((median(whole) / median(changed)) * 10) / 10,
  };
  console.error(`${ARTICLES} articles (${rows.length} rows, ${(textBytes / 1e6).toFixed(1)} MB of text): a pull of the whole draft ${(bytesWhole / 1e6).toFixed(1)} MB, p50 ${result.p50_whole_ms} ms; of what changed since ${bytesSince} bytes, p50 ${result.p50_since_ms} ms (×${result.time_ratio} quicker)`);
  console.log(JSON.stringify(result));
} finally {
  server?.kill('SIGTERM');
  await drop();
}
