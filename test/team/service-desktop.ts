import { TeamClient } from '../../electron/team/client';
import { openTestContext, tempDir } from '../electron/harness';

/**
 * A desktop for the team service tests: its own SQLite file in a temporary folder (the test corpus
 * seeded, with its own ids for every provision), and its calls to the server with one person's
 * token as one device. `close` closes the database and removes the folder.
 */
export function serviceDesktop(url: string, token: string, device: string) {
  const { dir, cleanup } = tempDir();
  const ctx = openTestContext(dir);
  return { dir, ctx, api: new TeamClient(url, token, device), device, close: () => (ctx.store.close(), cleanup()) };
}
