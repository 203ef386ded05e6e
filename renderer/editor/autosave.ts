import { diffRows, type ProvisionRow } from '../../shared/law';
import { zanError, type Reply, type ZanError } from '../../shared/reply';

/** Where the draft stands, as the status bar shows it. */
export type SaveStatus =
  | { kind: 'saved'; at: string | null }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'error'; error: ZanError }
  | { kind: 'conflict' };

/** What the autosaver needs: the draft's saved state, how to read the current rows and how to save. */
export interface AutosaveOptions {
  versionId: string;
  revision: number;
  savedRows: ProvisionRow[];
  /** Reads the editor's current rows (only called when a save is due, never per keystroke). */
  currentRows(): ProvisionRow[];
  send(input: { versionId: string; revision: number; upserts: ProvisionRow[]; deletes: string[] }): Promise<Reply<{ revision: number; savedAt: string }>>;
  onStatus(status: SaveStatus): void;
  /** Quiet time after the last edit before saving. */
  delayMs?: number;
  setTimer?(fn: () => void, ms: number): unknown;
  clearTimer?(handle: unknown): void;
}

/** The failures of storage that pass by themselves (disk space freed, a share back): retried without an edit. */
const RETRIED: ReadonlySet<string> = new Set(['DISK_FULL', 'READ_ONLY']);
const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 60_000;

/**
 * Debounced autosave of a working draft. Each save sends only the rows that differ from the last
 * saved ones, names the revision it was made on, and is followed by another if edits arrived while
 * it was in flight. A failed save keeps the changes pending (nothing is dropped) and reports why;
 * a full disk or a read-only file is retried by itself until it passes; a conflict stops
 * autosaving, since writing over someone else's save would lose their work.
 */
export class Autosave {
  private revision: number;
  private savedRows: ProvisionRow[];
  private dirty = false;
  /** Counts edits, to tell whether more came in while a save was in flight. */
  private edits = 0;
  private timer: unknown = null;
  private inFlight: Promise<void> | null = null;
  private stopped = false;
  /** The status last reported: an edit reports "unsaved" once, not on every keystroke. */
  private reported: SaveStatus['kind'] | null = null;
  private readonly delayMs: number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly options: AutosaveOptions) {
    this.revision = options.revision;
    this.savedRows = options.savedRows;
    this.delayMs = options.delayMs ?? 800;
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  /** The revision the last save made (what the next change to the draft must be made on). */
  get savedRevision(): number {
    return this.revision;
  }

  /** The rows as last stored (what the edits not yet stored are made against). */
  get savedState(): readonly ProvisionRow[] {
    return this.savedRows;
  }

  /** Whether there are edits not yet stored. */
  get hasUnsavedChanges(): boolean {
    return this.dirty || this.inFlight !== null;
  }

  /** Records that the document changed and schedules a save. */
  markDirty(): void {
    if (this.stopped) return;
    this.dirty = true;
    this.edits += 1;
    this.report({ kind: 'unsaved' });
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.flush();
    }, this.delayMs);
  }

  /** Saves now (Ctrl+S, leaving the view, closing the window); resolves when everything is stored or failed. */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      this.clearTimer(this.timer);
      this.timer = null;
    }
    while (this.inFlight) await this.inFlight;
    if (!this.dirty || this.stopped) return;
    const editsBefore = this.edits;
    this.inFlight = this.saveOnce();
    try {
      await this.inFlight;
    } finally {
      this.inFlight = null;
    }
    // Edits typed during the save go out in the next one. A failed save is not retried in a loop:
    // the next edit or Ctrl+S retries it, and the status bar says why it failed meanwhile.
    if (this.edits !== editsBefore && !this.stopped && this.timer === null) this.markDirty();
  }

  /** Stops autosaving (the view is closing after a final flush). */
  dispose(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    this.stopped = true;
  }

  /**
   * A full disk or a file that cannot be written now may be writable in a minute (space freed, the
   * share back): the pending edits are sent again by themselves, at growing intervals (2 s, 4 s, …
   * up to a minute), until a save succeeds; an edit or Ctrl+S meanwhile tries at once.
   */
  private retryLater(): void {
    if (this.timer !== null || this.stopped) return;
    const delay = Math.min(RETRY_FIRST_MS * 2 ** this.retries, RETRY_MAX_MS);
    this.retries += 1;
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  private retries = 0;

  private report(status: SaveStatus): void {
    if (status.kind === 'unsaved' && this.reported === 'unsaved') return;
    this.reported = status.kind;
    this.options.onStatus(status);
  }

  private async saveOnce(): Promise<void> {
    const rows = this.options.currentRows();
    const changes = diffRows(this.savedRows, rows);
    // Cleared before sending: an edit during the save sets it again.
    this.dirty = false;
    if (changes.upserts.length === 0 && changes.deletes.length === 0) {
      this.report({ kind: 'saved', at: null });
      return;
    }
    this.report({ kind: 'saving' });
    let reply: Reply<{ revision: number; savedAt: string }>;
    try {
      reply = await this.options.send({ versionId: this.options.versionId, revision: this.revision, ...changes });
    } catch (error) {
      reply = { ok: false, error: { code: 'INTERNAL', message: (error as Error).message } };
    }
    if (reply.ok) {
      this.retries = 0;
      this.revision = reply.value.revision;
      this.savedRows = rows;
      this.report(this.dirty ? { kind: 'unsaved' } : { kind: 'saved', at: reply.value.savedAt });
      return;
    }
    // Keep the changes pending: the next edit or Ctrl+S tries again from the same saved state.
    this.dirty = true;
    if (reply.error.code === 'CONFLICT') {
      this.stopped = true;
      this.report({ kind: 'conflict' });
    } else {
      this.report({ kind: 'error', error: zanError(reply.error) });
      if (RETRIED.has(reply.error.code)) this.retryLater();
    }
  }
}
