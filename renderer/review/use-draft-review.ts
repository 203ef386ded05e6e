import type { EditorView } from 'prosemirror-view';
import { useCallback, useEffect, useState } from 'react';
import type { CoverageData } from '../../shared/ipc';
import { call } from '../api';
import { approvedOf, markApproved } from '../editor/change-marks';
import { failure, type Phrase } from '../i18n/phrase';
import { useRejectionUndo } from './use-rejection-undo';

/** What a draft's review needs from its editor view. */
export interface DraftReviewInput {
  view: () => EditorView | null;
  /** The view once it exists (the marks are set on it). */
  ready: EditorView | null;
  packageId: string | null;
  coverage: CoverageData | null;
  setCoverage(c: CoverageData): void;
  /** Saves what is pending first: a decision applies to the text as it stands. */
  flush(): Promise<unknown>;
  /** The last rejection (Ctrl+Z takes it back), and the reopening after one is taken back. */
  rejection: string | null;
  reopen(rejectionId: string | null): void;
}

/**
 * The review side of an open draft: approved amendments marked as such in the text (the "approved
 * only" view reads the mark), and the last rejection taken back by Ctrl+Z or the notice's button.
 * Returns the restore and what went wrong with it, if anything.
 */
export function useDraftReview(input: DraftReviewInput): { restore(operationId: string): void; error: Phrase | null } {
  const { view, ready, packageId, coverage, setCoverage, flush, rejection, reopen } = input;
  const [error, setError] = useState<Phrase | null>(null);
  const restore = useCallback(
    (operationId: string) => {
      if (!packageId) return;
      void (async () => {
        try {
          await flush();
          setCoverage(await call('restoreRejected', { packageId, operationId }));
          reopen(null);
        } catch (e) {
          setError(failure(e));
        }
      })();
    },
    [flush, packageId, reopen, setCoverage],
  );
  useRejectionUndo(view, rejection, restore);

  useEffect(() => {
    // Not into an editor destroyed meanwhile (the draft read again): the new one gets its marks when it is ready.
    if (!ready || ready.isDestroyed || !coverage) return;
    const approved = new Set(coverage.amendments.filter((a) => a.status === 'accepted').map((a) => a.uid));
    const now = approvedOf(ready.state);
    if (approved.size !== now.size || [...approved].some((u) => !now.has(u))) ready.dispatch(markApproved(ready.state, approved));
  }, [ready, coverage]);
  return { restore, error };
}
