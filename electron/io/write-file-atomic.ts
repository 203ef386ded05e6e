import { renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Writes a file so that a crash or a full disk mid-write never leaves a half-written document
 * where the user's file was: the content goes to a temporary file beside it, then replaces it.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const temporary = `${path}.${process.pid}.${Date.now()}.part`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
