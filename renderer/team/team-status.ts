import { useSyncExternalStore } from 'react';
import type { OutputOf } from '../../shared/ipc';
import { call } from '../api';

/** Team mode as the window knows it (electron/team/host.ts TeamView). */
export type TeamStatusView = OutputOf<'getTeamStatus'>;

const OFF: TeamStatusView = { connected: false, url: null, user: null, state: 'off', queue: 0, notice: null, kept: null, seq: 0, joined: 0 };
let current: TeamStatusView = OFF;
let watching = false;
const listeners = new Set<() => void>();

function publish(next: TeamStatusView): void {
  current = next;
  for (const listener of listeners) listener();
}

/**
 * Keeps the window's view of team mode current: asks the main process "anything after n?"
 * (watchTeam) in a loop while connected, so the title bar, the leases in the editor and a draft
 * changed by another desktop follow within moments. One loop per window; a failed call waits a
 * little and asks again.
 */
async function watch(): Promise<void> {
  if (watching) return;
  watching = true;
  try {
    while (current.connected) {
      try {
        publish(await call('watchTeam', { since: current.seq }));
      } catch {
        await new Promise((ok) => setTimeout(ok, 2_000));
      }
    }
  } finally {
    watching = false;
  }
}

/** Reads the status again (at start, after connecting) and watches while connected. */
export async function refreshTeamStatus(): Promise<void> {
  try {
    publish(await call('getTeamStatus', {}));
  } catch {
    return;
  }
  if (current.connected) void watch();
}

/** Sets the status from a reply that carries it (connect, publish). */
export function setTeamStatus(next: TeamStatusView): void {
  publish(next);
  if (next.connected) void watch();
}

let started = false;

/** Team mode's status, live. */
export function useTeamStatus(): TeamStatusView {
  if (!started) {
    started = true;
    void refreshTeamStatus();
  }
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
