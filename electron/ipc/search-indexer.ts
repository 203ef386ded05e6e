import { whenWritable, type ServiceContext } from '../services/context';
import { searchIndexSteps } from '../services/search';

/**
 * Brings the search index up to date in the main process (which writes), a step at a time between
 * other calls, each when the writer thread is not writing (electron/services/search.ts): on start, and whenever poked after something that
 * changes many units at once (an import, a new package, a rebase). One run at a time; a poke
 * during a run makes another run after it. A failure is logged and ends the run: search then
 * reports that the index is still catching up, and the next poke tries again.
 */
export class SearchIndexer {
  private running = false;
  private again = false;
  private stopped = false;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  /** Starts a run, or asks for another after the current one. */
  poke(): void {
    if (this.stopped || !this.ctx.store.isOpen()) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    const steps = searchIndexSteps(this.ctx);
    const step = async () => {
      // The database closed (the app, or a test, is done with it): nothing to bring up to date.
      if (this.stopped || !this.ctx.store.isOpen()) {
        this.running = false;
        return;
      }
      try {
        // Each step writes: made when the writer thread is not writing (whenWritable).
        const done = await whenWritable(this.ctx, () => (this.stopped || !this.ctx.store.isOpen() ? true : steps.next().done));
        if (!done) return void setImmediate(step);
      } catch (error) {
        this.log('the search index could not be brought up to date', error);
      }
      this.running = false;
      if (this.again) {
        this.again = false;
        this.poke();
      }
    };
    setImmediate(step);
  }

  /** Stops between steps (the app is closing). */
  stop(): void {
    this.stopped = true;
  }
}
