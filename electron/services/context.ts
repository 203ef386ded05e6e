import type { Store } from '../store/store';
import { newUid } from '../../shared/law';

/** What every service needs: the store, the clock and an id maker (both replaceable in tests). */
export interface ServiceContext {
  store: Store;
  now(): string;
  newId(): string;
}

/** A context with the real clock and random ids. */
export function createServiceContext(store: Store): ServiceContext {
  return { store, now: () => new Date().toISOString(), newId: newUid };
}
