import { describe, expect, it } from 'vitest';
import { quote, unquote } from '../../../shared/instructions';
import type { Lang } from '../../../shared/law';

const inner = (quoted: string) => quoted.slice(1, -1);

describe('quoting a text in a formula and reading it back', () => {
  it.each([
    ['ru', 'организация «Центр „Наука“» и «вуз»'],
    ['kk', '«Ғылым „орталығы“» ұйымы'],
    ['ru', 'просто текст без кавычек'],
    ['en', 'the Republic’s "Science" fund'],
    ['en', 'the partner’s fund and "the Republic’s" words don’t change'],
  ] as [Lang, string][])('(%s) %s gives the text back as it was', (lang, text) => {
    expect(unquote(lang, inner(quote(lang, text)))).toBe(text);
  });

  it('nests quotes one level down: «» inside become „“, and „“ become ‚‘', () => {
    expect(quote('ru', 'закон «О науке „и технике“»')).toBe('«закон „О науке ‚и технике‘“»');
  });
});
