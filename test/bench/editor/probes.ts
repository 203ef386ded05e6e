// What the editor benchmark measures inside the page, by the method the issue sets: a capture
// `keydown` listener starts the clock; the first animation frame after the editor's DOM changed,
// then a MessageChannel message posted from it (which runs after that frame's paint), stops it.
import type { Page } from 'playwright-core';

/** One key as the probes saw it, in ms. */
export interface KeyTiming {
  /** From the key to the message after the frame that painted it (the latency). */
  latency: number;
  /** From that frame's start (its animation frame callbacks) to the message: the frame's own work. */
  render: number;
  /** From the previous key's message to this key's: one frame when every key is painted in the first frame after it. */
  cycle: number | null;
  /** From the previous key's message to this key: the harness's turn between a paint and the next key. */
  turn: number | null;
}

/** The probes installed in a page. */
export interface Probes {
  /** Runs `press` (one key) and resolves with what the probes saw of it. */
  key(press: () => Promise<void>): Promise<KeyTiming>;
  /** Starts collecting long tasks (over 50 ms). */
  startLongTasks(): Promise<void>;
  /** Stops collecting and gives the long tasks' durations. */
  stopLongTasks(): Promise<number[]>;
  /** The JS heap in use, in MB (Chromium's own count, through the DevTools protocol). */
  heapMb(): Promise<number>;
}

declare global {
  interface Window {
    __zanProbe?: { next(): Promise<KeyTiming>; tasks: number[] | null };
  }
}

/** Installs the probes in the page's current editor (again after each open: the editor is a new element). */
export async function installProbes(page: Page): Promise<Probes> {
  await page.evaluate(() => {
    const root = document.querySelector('.zan-editor .ProseMirror') as HTMLElement;
    let started: number | null = null;
    let waiting: ((t: KeyTiming) => void) | null = null;
    let done: KeyTiming | null = null;
    let framed = false;
    let lastMessage: number | null = null;
    root.addEventListener('keydown', () => (started = performance.now()), { capture: true });
    const finish = (t: KeyTiming) => {
      if (waiting) {
        waiting(t);
        waiting = null;
      } else done = t;
    };
    new MutationObserver(() => {
      if (started === null || framed) return;
      framed = true;
      requestAnimationFrame(() => {
        const frame = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          const now = performance.now();
          const key = started as number;
          const timing = { latency: now - key, render: now - frame, cycle: lastMessage === null ? null : now - lastMessage, turn: lastMessage === null ? null : key - lastMessage };
          lastMessage = now;
          started = null;
          framed = false;
          finish(timing);
        };
        channel.port2.postMessage(0);
      });
    }).observe(root, { childList: true, subtree: true, characterData: true });
    const probe = {
      tasks: null as number[] | null,
      next: () =>
        new Promise<KeyTiming>((ok) => {
          if (done !== null) {
            ok(done);
            done = null;
          } else waiting = ok;
        }),
    };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.tasks?.push(entry.duration);
    }).observe({ type: 'longtask', buffered: false });
    window.__zanProbe = probe;
  });
  const cdp = await page.context().newCDPSession(page);
  return {
    async key(press) {
      const latency = page.evaluate(() => (window.__zanProbe as NonNullable<Window['__zanProbe']>).next());
      await press();
      return latency;
    },
    async startLongTasks() {
      await page.evaluate(() => ((window.__zanProbe as NonNullable<Window['__zanProbe']>).tasks = []));
    },
    async stopLongTasks() {
      return page.evaluate(() => {
        const probe = window.__zanProbe as NonNullable<Window['__zanProbe']>;
        const tasks = probe.tasks ?? [];
        probe.tasks = null;
        return tasks;
      });
    },
    async heapMb() {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      return usedSize / 1024 / 1024;
    },
  };
}
