const OPEN_EVENT = 'zan-open-backups';

/**
 * Opens the backups dialog from anywhere (the palette, the help page): the dialog lives once in
 * the window, outside any view, so that it stays open while the view behind it changes.
 */
export function openBackups(): void {
  window.dispatchEvent(new Event(OPEN_EVENT));
}

/** Calls `listener` each time the backups dialog is asked for; returns what stops listening. */
export function onBackupsRequested(listener: () => void): () => void {
  window.addEventListener(OPEN_EVENT, listener);
  return () => window.removeEventListener(OPEN_EVENT, listener);
}
