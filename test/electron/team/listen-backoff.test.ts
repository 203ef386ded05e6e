import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TeamRefused, TeamUnreachable } from '../../../electron/services/team/api';
import type { TeamClient } from '../../../electron/team/client';
import type { PushReply, PushRequest } from '../../../shared/team/contract';
import { TeamSync } from '../../../electron/team/sync-loop';
import { openTestContext, startPackage, tempDir } from '../harness';

type Answer = 'unreachable' | 'refused' | 'opened';

/**
 * A client whose event stream answers as told, one answer per connection (the last repeats), and
 * whose every other call finds no server; it notes the (fake) time of each connection.
 */
function fakeClient(answers: Answer[], connections: number[], server: { back: boolean }): TeamClient {
  const listen = async () => {
    connections.push(Date.now());
    const answer = answers.length > 1 ? answers.shift()! : answers[0];
    if (answer === 'unreachable') throw new TeamUnreachable('no server');
    if (answer === 'refused') throw new TeamRefused('UPGRADE', 'another version');
  };
  // Once the server is back it takes a push (the stream here still fails, as told).
  const push = async (request: PushRequest): Promise<PushReply> => {
    if (!server.back) throw new TeamUnreachable('no server');
    return { status: 'applied', revisions: Object.fromEntries(request.changes.map((c) => [c.uid, 1])), seq: 1 };
  };
  return new Proxy({} as TeamClient, {
    get: (_, name) => (name === 'listen' ? listen : name === 'push' ? push : async () => { throw new TeamUnreachable('no server'); }),
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

  const server = { back: false };
  const run = async (answers: Answer[], forMs: number, { waiting = false } = {}) => {
    server.back = false;
    const made = tempDir();
    cleanup = made.cleanup;
    const connections: number[] = [];
    const ctx = openTestContext(made.dir);
    if (waiting) {
      const { versionId, p17 } = startPackage(ctx);
      ctx.store.team.enqueue('op-waiting-0001', versionId, [{ uid: p17.uid, row: { ...p17, text: 'Университеты вправе:' } }], ctx.now());
    }
    sync = new TeamSync(ctx, fakeClient(answers, connections, server), 'laptop');
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
});
