/**
 * The hosts the app may send the drafter to in the system browser: the legal information portal
 * (adilet.zan.kz, and zan.kz which redirects to it) and the portal of draft legal acts
 * (legalacts.egov.kz), where laws and drafts are published. Matched exactly: a subdomain or a
 * look-alike (`adilet.zan.kz.attacker.example`) is not on the list.
 */
export const EXTERNAL_HOSTS: readonly string[] = ['adilet.zan.kz', 'zan.kz', 'legalacts.egov.kz'];

/**
 * The URL to open in the browser, normalised, if the page may ask for it: https, a host on the
 * list, no credentials (`https://adilet.zan.kz@evil.example/` is a login at evil.example), no port
 * of its own. Null otherwise. The normalised form is what the dialog shows and what is opened, so
 * the drafter confirms exactly what the browser gets.
 */
export function allowedExternalUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return null;
  return EXTERNAL_HOSTS.includes(url.hostname) ? url.href : null;
}

/** What the opener needs from Electron: a confirmation dialog, the browser, a log. */
export interface ExternalLinkDeps {
  /** Asks the drafter (a native dialog showing the URL); true to open. */
  confirm(url: string): Promise<boolean>;
  /** Opens the URL in the system browser (shell.openExternal). */
  open(url: string): Promise<void>;
  /** Where refusals are reported. */
  log(message: string): void;
}

/** What became of one request to open a link. */
export type ExternalLinkOutcome = 'opened' | 'declined' | 'refused';

/**
 * Opens links outside the app the only way the app allows: an allowed URL (allowedExternalUrl),
 * after the drafter confirms it. Everything else is refused and logged, never opened. One dialog
 * at a time: while one is open, further requests are refused, so a page cannot stack dialogs until
 * one is clicked through.
 */
export function externalLinkOpener(deps: ExternalLinkDeps): (raw: string) => Promise<ExternalLinkOutcome> {
  let asking = false;
  return async (raw) => {
    const url = allowedExternalUrl(raw);
    if (url === null) {
      deps.log(`Refused to open ${JSON.stringify(raw)}: only https links to ${EXTERNAL_HOSTS.join(', ')} open outside the app.`);
      return 'refused';
    }
    if (asking) {
      deps.log(`Refused to open ${url}: another link is waiting for confirmation.`);
      return 'refused';
    }
    asking = true;
    try {
      if (!(await deps.confirm(url))) return 'declined';
    } finally {
      asking = false;
    }
    await deps.open(url);
    return 'opened';
  };
}
