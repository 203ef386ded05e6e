import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en';
import { ru } from '../../renderer/i18n/ru';

const renderer = join(import.meta.dirname, '../../renderer');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolve(strings: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), strings);
}

describe('interface strings', () => {
  // Every literal key the views pass to t(…) exists in each language (a missing key would show as its name).
  const keys = new Set(files(renderer).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+(?:\.[a-zA-Z]+)+)'/g)].map((m) => m[1] as string)));

  it('finds the keys the views use', () => {
    expect(keys.size).toBeGreaterThan(40);
  });

  it.each([...keys])('%s is translated', (key) => {
    expect(typeof resolve(en, key), `en: ${key}`).toBe('string');
    expect(typeof resolve(ru, key), `ru: ${key}`).toBe('string');
  });
});
