// `npm run bench:team`: N simulated drafters (ZAN_BENCH_DRAFTERS, default 50), each saving a change
// to a provision of their own every second for ZAN_BENCH_SECONDS (default 60) to one team service
// on loopback, each desktop also connected for the service's events. The service runs as its own
// process (`zan server`), over a PostgreSQL the bench starts (test/team/postgres.ts) or
// ZAN_TEST_PG_URL. Push time: request sent → answer read. Fan-out: push answered → each other
// desktop has the event (0 when the event came before the answer; `p95_sent_to_event_ms`: from the
// push's sending instead). Each desktop then pulls what changed, as the app's sync loop does (one
// pull at a time after gathering pushes for PULL_GATHER_MS, events that come meanwhile taken by the
// next; ZAN_BENCH_PULL=0 to only listen, ZAN_BENCH_PULL_GATHER_MS to try another gathering):
// converged is push answered → each other desktop's pull has it. Lost and duplicate pushes are
// counted from the server's own tables after the run. The last line is JSON.
import type { ChildProcess } from 'node:child_process';
import type { ProvisionRow } from '../../shared/law';
import { PROTOCOL_HEADER, TEAM_PROTOCOL, type PushReply } from '../../shared/team/contract';
import { PULL_GATHER_MS } from '../../electron/team/sync-loop';
import { addUser } from '../../server/team/users';
import { freePort, startServerProcess } from '../team/server-process';
import { benchDatabase } from './team-database';

const DRAFTERS = Number(process.env['ZAN_BENCH_DRAFTERS'] ?? 50);
const SECONDS = Number(process.env['ZAN_BENCH_SECONDS'] ?? 60);
const PULL = process.env['ZAN_BENCH_PULL'] !== '0';
// As long as the app gathers pushes before it pulls (electron/team/sync-loop.ts), unless told.
const GATHER_MS = Number(process.env['ZAN_BENCH_PULL_GATHER_MS'] ?? PULL_GATHER_MS);
const TARGETS = { p95_push_ms: 100, p95_fanout_ms: 250 };

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
}

function paragraph(uid: string, text: string, ord: number): ProvisionRow {
  return { uid, parentUid: 'article0001', ord, kind: 'paragraph', num: String(ord + 1), heading: '', text, repealed: false, notes: [] };
}

/** Reads a desktop's event stream, calling back with each push event's sequence number and when it came. */
async function listen(url: string, token: string, onPush: (seq: number, at: number) => void, signal: AbortSignal): Promise<void> {
  const response = await fetch(`${url}/v1/events`, { headers: { authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: String(TEAM_PROTOCOL) }, signal });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (block.startsWith('event: push') && data) onPush((JSON.parse(data) as { seq: number }).seq, performance.now());
    }
  }
}

const { db, url: databaseUrl, drop } = await benchDatabase('bench:team');
let server: ChildProcess | null = null;
const stopStreams = new AbortController();
try {
  const people = [];
  for (let i = 0; i < DRAFTERS; i++) people.push(await addUser(db, `Составитель ${i + 1}`, 'drafter'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  server = await startServerProcess(databaseUrl, port);
  const article: ProvisionRow = { uid: 'article0001', parentUid: null, ord: 0, kind: 'article', num: '1', heading: '', text: '', repealed: false, notes: [] };
  const rows = [article, ...people.map((_, i) => paragraph(`para${String(i).padStart(6, '0')}`, `Пункт ${i + 1}.`, i))];
  const headers = (token: string, device: string) => ({ authorization: `Bearer ${token}`, 'x-zan-device': device, [PROTOCOL_HEADER]: String(TEAM_PROTOCOL), 'content-type': 'application/json' });
  const published = await fetch(`${url}/v1/packages`, { method: 'POST', headers: headers(people[0]!.token, 'desk-0'), body: JSON.stringify({ packageId: 'package0001', title: 'Нагрузка', drafts: [{ versionId: 'draftru0001', lang: 'ru', title: 'Закон', base: { versionId: 'lawru000001', title: 'Закон', inForceFrom: null, rows }, rows }], members: people.map((p) => p.user.id) }) });
  const revisions = ((await published.json()) as { revisions: Record<string, Record<string, number>> }).revisions['draftru0001']!;

  // Each desktop listens; per push (by its seq), when each desktop got it.
  const received = new Map<number, Map<number, number>>();
  // Each desktop's pulls: how far each reached (upTo) and when it was read; their times.
  const pulledTo: { upTo: number; at: number }[][] = people.map(() => []);
  const pullTimes: number[] = [];
  let pullsFailed = 0;
  const published0 = Math.max(...Object.values(revisions));
  let connected = 0;
  people.forEach((p, d) => {
    let since = published0;
    let pulling = false;
    let again = false;
    let gathering: NodeJS.Timeout | null = null;
    // As the sync loop: pushes gathered for GATHER_MS, one pull at a time; an event meanwhile asks for one more after it.
    const pull = async (): Promise<void> => {
      if (pulling) return void (again = true);
      pulling = true;
      do {
        again = false;
        const started = performance.now();
        try {
          const response = await fetch(`${url}/v1/drafts/draftru0001?since=${since}&base=lawru000001`, { headers: headers(p.token, `desk-${d}`), signal: stopStreams.signal });
          const body = (await response.json()) as { upTo: number };
          const at = performance.now();
          pullTimes.push(at - started);
          since = body.upTo;
          pulledTo[d]!.push({ upTo: since, at });
        } catch {
          if (!stopStreams.signal.aborted) pullsFailed++;
        }
      } while (again && !stopStreams.signal.aborted);
      pulling = false;
    };
    void listen(url, p.token, (seq, at) => {
      const got = received.get(seq) ?? new Map<number, number>();
      got.set(d, at);
      received.set(seq, got);
      if (PULL && !gathering) {
        gathering = setTimeout(() => {
          gathering = null;
          void pull();
        }, GATHER_MS);
      }
    }, stopStreams.signal);
    connected++;
  });
  await new Promise((ok) => setTimeout(ok, 500));

  const pushTimes: number[] = [];
  const accepted: { seq: number; by: number; sent: number; at: number; opId: string; revision: number }[] = [];
  let failed = 0;
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(
    people.map(async (p, d) => {
      const uid = `para${String(d).padStart(6, '0')}`;
      let revision = revisions[uid]!;
      // Staggered over the first second, then one save a second each.
      await new Promise((ok) => setTimeout(ok, (1000 * d) / DRAFTERS));
      for (let n = 0; performance.now() < until; n++) {
        const started = performance.now();
        const opId = `op-${d}-${String(n).padStart(6, '0')}`;
        try {
          const response = await fetch(`${url}/v1/push`, { method: 'POST', headers: headers(p.token, `desk-${d}`), body: JSON.stringify({ opId, versionId: 'draftru0001', device: `desk-${d}`, changes: [{ uid, baseRevision: revision, row: paragraph(uid, `Пункт ${d + 1}, редакция ${n}.`, d) }] }) });
          const reply = (await response.json()) as PushReply;
          const at = performance.now();
          if (reply.status !== 'applied') throw new Error(`push ${opId} ${reply.status}`);
          pushTimes.push(at - started);
          revision = reply.revisions[uid]!;
          accepted.push({ seq: reply.seq, by: d, sent: started, at, opId, revision: revision });
        } catch (error) {
          failed++;
          console.error((error as Error).message);
        }
        const next = started + 1000 - performance.now();
        if (next > 0) await new Promise((ok) => setTimeout(ok, next));
      }
    }),
  );
  // The last events (and pulls) on their way.
  await new Promise((ok) => setTimeout(ok, PULL ? 3000 : 1000));
  stopStreams.abort();

  const fanout: number[] = [];
  const sentToEvent: number[] = [];
  let missedEvents = 0;
  for (const push of accepted) {
    const got = received.get(push.seq);
    for (let d = 0; d < DRAFTERS; d++) {
      if (d === push.by) continue;
      const at = got?.get(d);
      if (at === undefined) missedEvents++;
      else {
        // From the pusher's answer (an event that came first counts 0), and from the push's sending.
        fanout.push(Math.max(0, at - push.at));
        sentToEvent.push(at - push.sent);
      }
    }
  }
  // Converged: the first pull of each other desktop that reached the push's revision (0 when before its answer).
  const converged: number[] = [];
  let notPulled = 0;
  if (PULL) {
    for (const push of accepted) {
      for (let d = 0; d < DRAFTERS; d++) {
        if (d === push.by) continue;
        const first = pulledTo[d]!.find((x) => x.upTo >= push.revision);
        if (first) converged.push(Math.max(0, first.at - push.at));
        else notPulled++;
      }
    }
  }
  // Lost: an acknowledged push the server has no change for; duplicate: one it applied twice.
  const counts = new Map((await db.query<{ op: string; n: string }>("SELECT detail->>'opId' AS op, count(*) AS n FROM audit_log WHERE action = 'change' GROUP BY 1")).map((r) => [r.op, Number(r.n)]));
  const lost = accepted.filter((a) => !counts.has(a.opId)).length;
  const duplicates = [...counts.values()].filter((n) => n > 1).length;
  const result = {
    drafters: DRAFTERS,
    seconds: SECONDS,
    listeners: connected,
    pushes: accepted.length,
    failed,
    lost,
    duplicates,
    missed_events: missedEvents,
    p50_push_ms: percentile(pushTimes, 50),
    p95_push_ms: percentile(pushTimes, 95),
    p50_fanout_ms: percentile(fanout, 50),
    p95_fanout_ms: percentile(fanout, 95),
    p95_sent_to_event_ms: percentile(sentToEvent, 95),
    ...(PULL ? { pull_gather_ms: GATHER_MS, pulls: pullTimes.length, pulls_failed: pullsFailed, p50_pull_ms: percentile(pullTimes, 50), p95_pull_ms: percentile(pullTimes, 95), p50_converged_ms: percentile(converged, 50), p95_converged_ms: percentile(converged, 95), not_pulled: notPulled } : {}),
    targets: TARGETS,
    met: lost === 0 && duplicates === 0 && percentile(pushTimes, 95) <= TARGETS.p95_push_ms && percentile(fanout, 95) <= TARGETS.p95_fanout_ms,
  };
  console.error(`${result.pushes} pushes by ${DRAFTERS} drafters in ${SECONDS} s: push p50 ${result.p50_push_ms} ms, p95 ${result.p95_push_ms} ms; fan-out p50 ${result.p50_fanout_ms} ms, p95 ${result.p95_fanout_ms} ms; ${lost} lost, ${duplicates} duplicates, ${missedEvents} events missed`);
  if (PULL) console.error(`${pullTimes.length} pulls: p50 ${percentile(pullTimes, 50)} ms, p95 ${percentile(pullTimes, 95)} ms; converged (push answered → every other desktop has pulled it) p50 ${percentile(converged, 50)} ms, p95 ${percentile(converged, 95)} ms; ${notPulled} not pulled`);
  console.log(JSON.stringify(result));
} finally {
  stopStreams.abort();
  server?.kill('SIGTERM');
  await drop();
}
