/** The event that tells the title bar the person at the workbench was (re)named elsewhere. */
const EVENT = 'zan:identity-changed';

/** Says the identity changed (after a setIdentity from anywhere but the title bar). */
export function announceIdentityChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

/** Calls back when the identity changed; returns the unsubscribe. */
export function onIdentityChanged(callback: () => void): () => void {
  window.addEventListener(EVENT, callback);
  return () => window.removeEventListener(EVENT, callback);
}
