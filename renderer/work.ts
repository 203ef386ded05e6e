import { useEffect, useState } from 'react';
import { call } from './api';
import { useLoaded, type Held, type Loaded } from './useAsync';

let counter = 0;

/**
 * A new id for a long call (its progress is asked for and it is cancelled by it; see the
 * workProgress and cancelWork channels). Unique within the page; the main process refuses a
 * second call with an id still running.
 */
export function newJobId(): string {
  counter += 1;
  return `job${Date.now().toString(36)}${counter.toString(36).padStart(4, '0')}`;
}

/** A load that runs as a job: its state, the id to watch it by while it runs, and a way to run it again. */
export interface Work<T> {
  loaded: Loaded<T>;
  /** The running job's id (null once it has ended). */
  jobId: string | null;
  /** Whether the last run was cancelled (the view offers to run it again). */
  cancelled: boolean;
  retry(): void;
}

/**
 * Like useAsync, for a long call the main process runs on its worker thread: each run gets a job
 * id, so the view can show its progress and cancel it (WorkProgress); a run that is no longer
 * current (the view changed what it shows, or closed) is cancelled and its answer ignored.
 */
export function useWork<T>(load: (jobId: string) => Promise<T>, deps: unknown[]): Work<T> {
  const [held, setLoaded] = useState<Held<T>>({ state: 'loading' });
  const [jobId, setJobId] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    let pending = true;
    const id = newJobId();
    setLoaded({ state: 'loading' });
    setCancelled(false);
    setJobId(id);
    load(id).then(
      (value) => {
        pending = false;
        if (current) (setLoaded({ state: 'done', value }), setJobId(null));
      },
      (error: unknown) => {
        pending = false;
        if (!current) return;
        setCancelled((error as { code?: string }).code === 'CANCELLED');
        setLoaded({ state: 'error', error });
        setJobId(null);
      },
    );
    return () => {
      current = false;
      // Nobody waits for this answer any more (the view moved on): the worker need not finish it.
      if (pending) void call('cancelWork', { jobId: id }).catch(() => {});
    };
    // The caller lists what the load depends on, as with useEffect.
  }, [...deps, attempt]);
  const loaded = useLoaded(held);
  return { loaded, jobId, cancelled, retry: () => setAttempt((n) => n + 1) };
}
