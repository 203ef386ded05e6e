import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en';
import { kk } from '../../renderer/i18n/kk';
import { ru } from '../../renderer/i18n/ru';
import { sourceFiles } from './source-scan';

/** Every code an importer finding can carry: the warnings and errors the readers raise, and the law's structure errors (LawErrorCode's members). */
function findingCodes(): Set<string> {
  const codes = new Set<string>();
  const files = [...sourceFiles('shared/law'), ...sourceFiles('electron/io/import')];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:this\.warn|this\.misplaced|warn)\('([A-Z_]+)'|code: '([A-Z_]+)'|new LawStructureError\('([A-Z_]+)'|^  \| '([A-Z_]+)'/gmu)) codes.add((m[1] ?? m[2] ?? m[3] ?? m[4]) as string);
  }
  return codes;
}

describe('the importer says what it found in the interface language', () => {
  it('every finding code has its sentence in kk, ru and en, naming what the finding names', () => {
    const codes = findingCodes();
    expect(codes.size).toBeGreaterThan(10);
    for (const [lang, catalogue] of [['kk', kk], ['ru', ru], ['en', en]] as const) {
      const known = catalogue.importFindings as Record<string, string>;
      const missing = [...codes].filter((c) => !(c in known));
      expect(missing, `${lang} lacks importFindings for`).toEqual([]);
    }
    // The same placeholders in each language (a sentence that drops {{text}} would hide the line read).
    for (const code of Object.keys(ru.importFindings)) {
      const names = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/gu)].map((m) => m[1]).sort();
      const sentence = (c: Record<string, string>) => c[code] as string;
      expect(names(sentence(kk.importFindings as Record<string, string>)), code).toEqual(names(sentence(ru.importFindings as Record<string, string>)));
      expect(names(sentence(en.importFindings as Record<string, string>)), code).toEqual(names(sentence(ru.importFindings as Record<string, string>)));
    }
  });
});
