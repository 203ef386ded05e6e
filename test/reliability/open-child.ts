// Opens a database as the app does and says how it went, as one JSON line: run by the bad-database
// catalogue (bad-db.ts) as another user, where a read-only file has to be read-only for real
// (root writes any file).
import { openDatabase } from '../../electron/store/database';
import { StoreError } from '../../electron/store/errors';

try {
  openDatabase(process.argv[2] as string).close();
  process.stdout.write(`${JSON.stringify({ opened: true })}\n`);
} catch (error) {
  process.stdout.write(`${JSON.stringify(error instanceof StoreError ? { code: error.code, message: error.message } : { crash: String((error as Error).stack ?? error) })}\n`);
}
