import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../electron/io/write-file-atomic';
import { tempDir } from '../harness';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('writing a file atomically', () => {
  it('replaces the content and leaves no temporary file', () => {
    const path = join(dir, 'Текст с изменениями.docx');
    writeFileSync(path, 'old');
    writeFileAtomic(path, Buffer.from('new content'));
    expect(readFileSync(path, 'utf8')).toBe('new content');
    writeFileAtomic(path, 'строка');
    expect(readFileSync(path, 'utf8')).toBe('строка');
    expect(readdirSync(dir)).toEqual(['Текст с изменениями.docx']);
  });

  it('when the write cannot finish, keeps what was there and leaves no temporary file', () => {
    // The destination is a folder with a file in it: the final rename fails.
    const path = join(dir, 'busy');
    mkdirSync(path);
    writeFileSync(join(path, 'inside.txt'), 'kept');
    expect(() => writeFileAtomic(path, 'new')).toThrow();
    expect(readFileSync(join(path, 'inside.txt'), 'utf8')).toBe('kept');
    expect(readdirSync(dir)).toEqual(['busy']);
  });
});
