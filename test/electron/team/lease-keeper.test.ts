import { afterEach, describe, expect, it } from 'vitest';
import type { TeamApi } from '../../../electron/services/team/api';
import { HEARTBEAT_MS, IDLE_MS, LeaseKeeper } from '../../../electron/team/lease-keeper';
import { openTestContext, startPackage, tempDir } from '../harness';

/** A server that gives every lease asked for and notes each call, in order. */
function recordingApi(calls: string[]): TeamApi {
  const api = {
    takeLease: async (_versionId: string, uid: string) => void calls.push(`take ${uid}`),
    releaseLease: async (_versionId: string, uid: string) => void calls.push(`release ${uid}`),
    leases: async () => [],
  };
  return api as unknown as TeamApi;
}

describe("a desktop's provision leases over time (LeaseKeeper)", () => {
  let cleanup = () => undefined as void;
  afterEach(() => cleanup());

  const keeper = () => {
    const made = tempDir();
    cleanup = made.cleanup;
    const ctx = openTestContext(made.dir);
    const { versionId, p17, p19 } = startPackage(ctx);
    const calls: string[] = [];
    let now = 0;
    const leases = new LeaseKeeper(ctx, recordingApi(calls), () => ({ id: 'me', device: 'laptop' }), () => undefined, () => now);
    return { ctx, versionId, p17, p19, calls, leases, at: (ms: number) => (now = ms) };
  };

  it('renews the lease of the provision typed in at each heartbeat, and gives it back once idle for IDLE_MS', async () => {
    const { versionId, p17, calls, leases, at } = keeper();
    await leases.take(versionId, p17.uid);
    at(HEARTBEAT_MS);
    await leases.heartbeat();
    at(2 * HEARTBEAT_MS);
    await leases.heartbeat();
    expect(calls).toEqual([`take ${p17.uid}`, `take ${p17.uid}`, `take ${p17.uid}`]);
    expect(leases.mineOn(versionId)).toEqual([p17.uid]);
    at(IDLE_MS);
    await leases.heartbeat();
    expect(calls.at(-1)).toBe(`release ${p17.uid}`);
    expect(leases.mineOn(versionId)).toEqual([]);
  });

  it('keeps (and renews) an idle lease while its change waits in the outbox, and gives it back after the push', async () => {
    const { ctx, versionId, p17, calls, leases, at } = keeper();
    await leases.take(versionId, p17.uid);
    ctx.store.team.enqueue('op-waiting-0001', versionId, [{ uid: p17.uid, row: { ...p17, text: 'Университеты вправе:' } }], ctx.now());
    at(IDLE_MS);
    await leases.heartbeat();
    expect(calls).toEqual([`take ${p17.uid}`, `take ${p17.uid}`]);
    expect(leases.mineOn(versionId)).toEqual([p17.uid]);
    ctx.store.team.remove(ctx.store.team.outbox()[0]!.seq);
    at(IDLE_MS + HEARTBEAT_MS);
    await leases.heartbeat();
    expect(calls.at(-1)).toBe(`release ${p17.uid}`);
    expect(leases.mineOn(versionId)).toEqual([]);
  });

  it('gives back the provision moved on from (its change pushed), and every one when the draft is left', async () => {
    const { versionId, p17, p19, calls, leases, at } = keeper();
    await leases.take(versionId, p17.uid);
    at(1_000);
    await leases.take(versionId, p19.uid);
    expect(calls).toEqual([`take ${p17.uid}`, `take ${p19.uid}`, `release ${p17.uid}`]);
    expect(leases.mineOn(versionId)).toEqual([p19.uid]);
    await leases.leaveDraft(versionId);
    expect(calls.at(-1)).toBe(`release ${p19.uid}`);
    expect(leases.mineOn(versionId)).toEqual([]);
  });

  it("shows another's lease until the server's time for it is past", async () => {
    const { versionId, p17, leases, at } = keeper();
    at(Date.parse('2026-03-02T10:00:00Z'));
    leases.onLeaseEvent(versionId, p17.uid, 'Берик Ахметов', '2026-03-02T10:02:00Z');
    expect(leases.othersOn(versionId)).toEqual([{ uid: p17.uid, holder: 'Берик Ахметов', expiresAt: '2026-03-02T10:02:00Z' }]);
    at(Date.parse('2026-03-02T10:02:01Z'));
    expect(leases.othersOn(versionId)).toEqual([]);
  });
});
