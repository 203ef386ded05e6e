import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TeamRefused, TeamUnreachable } from '../../../electron/services/team/api';
import type { TeamClient } from '../../../electron/team/client';
import type { PulledDraft, PushReply, PushRequest, TeamEvent } from '../../../shared/team/contract';
import { TeamSync } from '../../../electron/team/sync-loop';
import { openTestContext, startPackage, tempDir } from '../harness';

/** What the fake server does: take pushes once back; the times it was pulled, of the draft it knows. */
interface FakeServer {
  back: boolean;
  pulls: number[];
  packageId: string;
  baseId: string;
}

type Answer = 'unreachable' | 'refused' | 'opened' | (TeamEvent | null)[];

/**
 * A client whose event stream answers as told, one answer per connection (the last repeats), and
 * whose every other call finds no server; it notes the (fake) time of each connection.
 */
function fakeClient(answers: Answer[], connections: number[], server: FakeServer): TeamClient {
  const listen = async (onEvent: (event: TeamEvent) => void, signal: AbortSignal) => {
    connections.push(Date.now());
    const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
    if (answer === 'unreachable') throw new TeamUnreachable('no server');
    if (answer === 'refused') throw new TeamRefused('UPGRADE', 'another version');
    if (answer === 'opened') return;
    // A stream that stays open and brings these events, 50 ms apart (null: none then).
    for (const event of answer) {
      await new Promise((ok) => setTimeout(ok, 50));
      if (event) onEvent(event);
    }
    await new Promise((ok) => signal.addEventListener('abort', ok));
  };
  // Pulls are noted and bring nothing new; the draft stays on its text.
  const pull = async (versionId: string): Promise<PulledDraft> => {
    server.pulls.push(Date.now());
    return { packageId: server.packageId, base: { versionId: server.baseId } as PulledDraft['base'], provisions: [], upTo: 1 };
  };
  // Once the server is back it takes a push (the stream here still fails, as told).
  const push = async (request: PushRequest): Promise<PushReply> => {
    if (!server.back) throw new TeamUnreachable('no server');
    return { status: 'applied', revisions: Object.fromEntries(request.changes.map((c) => [c.uid, 1])), seq: 1 };
  };
  return new Proxy({} as TeamClient, {
    get: (_, name) => (name === 'listen' ? listen : name === 'push' ? push : name === 'pull' ? pull : async () => { throw new TeamUnreachable('no server'); }),
  });
}

/** The waits between one connection and the next. */
const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]!);

describe('how often a desktop asks a team server for its events (TeamSync)', () => {
  let cleanup: () => void;
  let sync: TeamSync | null = null;
  beforeEach(() => void vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(async () => {
    await sync?.stop();
    sync = null;
    vi.useRealTimers();
    cleanup?.();
  });

  const server: FakeServer = { back: false, pulls: [], packageId: '', baseId: '' };
  const run = async (answers: Answer[] | ((draft: { packageId: string; versionId: string }) => Answer[]), forMs: number, { waiting = false } = {}) => {
    Object.assign(server, { back: false, pulls: [] });
    const made = tempDir();
    cleanup = made.cleanup;
    const connections: number[] = [];
    const ctx = openTestContext(made.dir);
    const { pkgId, versionId, baseId, p17 } = startPackage(ctx);
    Object.assign(server, { packageId: pkgId, baseId });
    if (waiting) ctx.store.team.enqueue('op-waiting-0001', versionId, [{ uid: p17.uid, row: { ...p17, text: 'Университеты вправе:' } }], ctx.now());
    if (typeof answers === 'function') {
      // On the team, pulled once before (as a desktop that joined).
      ctx.store.team.link(pkgId, 'https://team.example', ctx.now());
      ctx.store.team.setPulledTo(versionId, 1);
    }
    sync = new TeamSync(ctx, fakeClient(typeof answers === 'function' ? answers({ packageId: pkgId, versionId }) : answers, connections, server), 'laptop');
    sync.start();
    await vi.advanceTimersByTimeAsync(forMs);
    return { connections, ctx };
  };

  it('waits longer each time a server does not answer (2 s, 4 s … up to a minute), not every 2 s all night', async () => {
    const { connections } = await run(['unreachable'], 5 * 60_000);
    expect(gaps(connections)).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });

  it('after a stream that was open and ended, asks again after 2 s; after a refusal (a revoked token, another protocol), after a minute', async () => {
    const { connections } = await run(['unreachable', 'unreachable', 'opened', 'unreachable', 'refused', 'unreachable'], 2 * 60_000);
    expect(gaps(connections).slice(0, 5)).toEqual([2_000, 4_000, 2_000, 4_000, 60_000]);
  });

  it('keeps one retry clock for a push that waits, however often the event stream pokes', async () => {
    const { connections } = await run(['unreachable'], 3 * 60_000, { waiting: true });
    expect(connections.length).toBeGreaterThan(3);
    expect(sync!.status()).toMatchObject({ state: 'offline', queue: 1 });
    // The stream's wait and the push's retry: two clocks, not one more for each poke.
    expect(vi.getTimerCount()).toBe(2);
  });

  it('a save the server takes (it is back) connects the events at once, without waiting out their clock', async () => {
    const { connections, ctx } = await run(['unreachable', 'unreachable', 'unreachable', 'unreachable', 'unreachable', 'opened'], 40_000, { waiting: true });
    // Five tries: the stream now waits 32 s.
    expect(gaps(connections)).toEqual([2_000, 4_000, 8_000, 16_000]);
    server.back = true;
    sync!.poke();
    await vi.advanceTimersByTimeAsync(10);
    expect(ctx.store.team.outbox()).toEqual([]);
    expect(connections).toHaveLength(6);
  });

  it("gathers colleagues' pushes announced within 200 ms into one pull, and pulls again for one announced later", async () => {
    const push = (draft: { packageId: string; versionId: string }, seq: number): TeamEvent => ({ kind: 'push', packageId: draft.packageId, versionId: draft.versionId, seq, revisions: { [`para${seq}000`]: 10 + seq }, partial: false, by: 'Берик Ахметов' });
    const started = Date.now();
    // Three pushes at 50, 100 and 150 ms, then a fourth at 400 ms.
    await run((draft) => [[push(draft, 1), push(draft, 2), push(draft, 3), null, null, null, null, push(draft, 4)]], 1_000);
    // The connection's own pull (catching up, at once) aside: one pull for the three, 200 ms after the first; one for the fourth.
    expect(server.pulls.map((t) => t - started)).toEqual([0, 250, 600]);
  });
});
