import type { AppCommand } from './registry';

/**
 * The command that opens a package's audit log: offered by the views of a package (its draft and
 * its documents), the one object behind their buttons' palette line.
 */
export function auditCommand(open: () => void): AppCommand {
  return { id: 'app.audit', title: 'commands.audit', group: 'app', run: open };
}

/** The audit view's "check the log", offered to the palette while the view is open. */
export function auditVerifyCommand(verify: () => void): AppCommand {
  return { id: 'audit.verify', title: 'commands.auditVerify', group: 'review', run: verify };
}
