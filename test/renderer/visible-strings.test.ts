import { relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parse, ROOT, sourceFiles, walk, where } from './source-scan';

/** JSX attributes a user reads or hears. */
const VISIBLE_ATTRIBUTES = new Set(['title', 'placeholder', 'aria-label', 'alt', 'aria-description', 'aria-roledescription']);

/**
 * Text in JSX that is the same in every interface language, by file. Anything else with a letter
 * in it comes from the catalogue.
 */
const ALLOWED: Record<string, readonly string[]> = {
  // The brand mark: the initial of "Zan" (Заң), drawn as the logo, hidden from screen readers.
  'renderer/App.tsx': ['З'],
  // The name of a standard.
  'renderer/components/ExportDialog.tsx': ['Akoma Ntoso XML'],
  // An example of a gap's code: codes are Latin capitals in every language.
  'renderer/views/GapsView.tsx': ['NEW_GAP'],
};

/** Key names (`Ctrl+K / F1`, `J / K`): a keyboard says them the same in every language. */
function isKeys(text: string): boolean {
  return text.split(/[\s+/·]+/).filter(Boolean).every((k) => /^(Ctrl|Alt|Shift|Cmd|Enter|Esc|Tab|Backspace|Delete|F\d{1,2}|[A-Z])$/.test(k));
}

/** Text a user sees that does not come through t(): JSX text and string-valued visible attributes with a letter in them. */
function literalTexts(): { file: string; text: string; at: string }[] {
  const found: { file: string; text: string; at: string }[] = [];
  for (const path of sourceFiles('renderer', /\.tsx$/)) {
    const name = relative(ROOT, path);
    walk(parse(path), (node) => {
      let text: string | null = null;
      if (ts.isJsxText(node)) text = node.text.trim();
      if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer)) text = node.initializer.text;
      if (text && /\p{L}/u.test(text) && !isKeys(text)) found.push({ file: name, text, at: where(node) });
    });
  }
  return found;
}

describe('visible strings', () => {
  const texts = literalTexts();

  it('reads the views', () => {
    expect(sourceFiles('renderer', /\.tsx$/).length).toBeGreaterThan(20);
  });

  it('every text a user sees comes from the catalogue', () => {
    const stray = texts.filter((t) => !(ALLOWED[t.file] ?? []).includes(t.text)).map((t) => `${t.at}: ${JSON.stringify(t.text)}`);
    expect(stray).toEqual([]);
  });

  it('the allow-list has nothing that is no longer there', () => {
    const seen = new Set(texts.map((t) => `${t.file}\u0000${t.text}`));
    const stale = Object.entries(ALLOWED).flatMap(([file, list]) => list.filter((text) => !seen.has(`${file}\u0000${text}`)).map((text) => `${file}: ${text}`));
    expect(stale).toEqual([]);
  });
});
