// What the editor benchmark measures inside the page, by the method the issue sets: a capture
// `keydown` listener starts the clock; the first animation frame after the editor's DOM changed,
// then a MessageChannel message posted from it (which runs after that frame's paint), stops it.
import type { Page } from 'playwright-core';

/** The probes installed in a page. */
export interface Probes {
  /** Runs `press` (one key) and resolves with the key's latency to paint, in ms. */
  key(press: () => Promise<void>): Promise<number>;
  /** Starts collecting long tasks (over 50 ms). */
  startLongTasks(): Promise<void>;
  /** Stops collecting and gives the long tasks' durations. */
  stopLongTasks(): Promise<number[]>;
  /** The JS heap in use, in MB (Chromium's own count, through the DevTools protocol). */
  heapMb(): Promise<number>;
}

declare global {
  interface Window {
    __zanProbe?: { next(): Promise<number>; tasks: number[] | null };
  }
}

/** Installs the probes in the page's current editor (again after each open: the editor is a new element). */
export async function installProbes(page: Page): Promise<Probes> {
  await page.evaluate(() => {
    const root = document.querySelector('.zan-editor .ProseMirror') as HTMLElement;
    let started: number | null = null;
    let waiting: ((ms: number) => void) | null = null;
    let done: number | null = null;
    let framed = false;
    root.addEventListener('keydown', () => (started = performance.now()), { capture: true });
    const finish = (ms: number) => {
      if (waiting) {
        waiting(ms);
        waiting = null;
      } else done = ms;
    };
    new MutationObserver(() => {
      if (started === null || framed) return;
      framed = true;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          const ms = performance.now() - (started as number);
          started = null;
          framed = false;
          finish(ms);
        };
        channel.port2.postMessage(0);
      });
    }).observe(root, { childList: true, subtree: true, characterData: true });
    const probe = {
      tasks: null as number[] | null,
      next: () =>
        new Promise<number>((ok) => {
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
