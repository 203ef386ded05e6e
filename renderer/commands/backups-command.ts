import { openBackups } from '../backups/open-backups';
import type { AppCommand } from './registry';

/**
 * "Restore a backup…": opens the list of the database's backups. The palette offers it and the
 * help page's button runs it, the same object behind both.
 */
export const backupsCommand: AppCommand = { id: 'app.backups', title: 'commands.backups', group: 'app', run: openBackups };
