/**
 * A counter of what changed in team mode (the status, a lease, a draft brought in step, a package
 * joined, a comment or decision), and the windows waiting to hear of it: the renderer asks
 * "anything after n?" (watchTeam) and is answered as soon as there is, or after `timeoutMs` with
 * nothing new — live updates over the same request/reply bridge as every other call.
 */
export class TeamLive {
  private current = 0;
  private readonly waiting = new Set<() => void>();
  private joins = 0;
  /** The counter at the last change of each draft's text from the server. */
  private readonly drafts = new Map<string, number>();
  /** The counter at the last decision or comment from the server on each package. */
  private readonly reviews = new Map<string, number>();

  /** The counter now. */
  get seq(): number {
    return this.current;
  }

  /** Something changed: the windows waiting hear of it. */
  bump(): void {
    this.current++;
    for (const wake of [...this.waiting]) wake();
    this.waiting.clear();
  }

  /** How many times packages were joined from the server (the library lists its packages again when it moves). */
  get joined(): number {
    return this.joins;
  }

  /** Packages arrived from the server. */
  packagesJoined(): void {
    this.joins++;
    this.bump();
  }

  /** Others decided or commented on a package: its review panel reads them again. */
  packageReviewed(packageId: string): void {
    this.bump();
    this.reviews.set(packageId, this.current);
  }

  /** The counter at the last decision or comment from the server on a package (0: none since the app started). */
  reviewSeq(packageId: string): number {
    return this.reviews.get(packageId) ?? 0;
  }

  /** A draft's text changed from the server (another's push pulled, or a refused push made conflicts). */
  draftChanged(versionId: string): void {
    this.bump();
    this.drafts.set(versionId, this.current);
  }

  /** The counter at the last change of a draft from the server (0: none since the app started). */
  draftSeq(versionId: string): number {
    return this.drafts.get(versionId) ?? 0;
  }

  /** Resolves once the counter passes `since`, or after `timeoutMs`. */
  wait(since: number, timeoutMs: number): Promise<void> {
    if (this.current > since) return Promise.resolve();
    return new Promise((ok) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiting.delete(wake);
        ok();
      };
      const timer = setTimeout(wake, timeoutMs);
      timer.unref?.();
      this.waiting.add(wake);
    });
  }

  /** Lets every window waiting go (the app is quitting). */
  close(): void {
    for (const wake of [...this.waiting]) wake();
    this.waiting.clear();
  }
}
