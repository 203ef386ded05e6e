import { describe, expect, it } from 'vitest';
import { statementFindings } from '../../../shared/bilingual/statements';
import type { Operation } from '../../../shared/instructions';

const at = (article: string, paragraph?: string) => [{ kind: 'article' as const, num: article }, ...(paragraph ? [{ kind: 'paragraph' as const, num: paragraph }] : [])];
const words = (a: string, p: string, from = 'а', to = 'б'): Operation => ({ op: 'replace', address: at(a, p), from, to });
const restate = (a: string, p: string): Operation => ({ op: 'restate', address: at(a, p), content: '…' });
const insert = (a: string, num: string): Operation => ({ op: 'insert', parent: at(a), kind: 'paragraph', num, content: '…' });
const unchanged = (a: string, p: string, changedIn: 'ru' | 'kk'): Operation => ({ op: 'unchanged', address: at(a, p), changedIn });

const check = (ru: Operation[], kk: Operation[]) => statementFindings('Закон', { lang: 'ru', operations: ru }, { lang: 'kk', operations: kk }).map((f) => [f.code, f.ru, f.kk]);

describe('the two amending laws of one act, statement for statement', () => {
  it.each([
    ['the same operations on the same units', [words('5', '2'), insert('5', '2-1')], [words('5', '2', 'x', 'y'), insert('5', '2-1')], []],
    ['two word changes of one unit in one language, one in the other: the same change of the unit', [words('5', '2'), { ...words('5', '2'), from: 'в', to: 'г' }], [words('5', '2')], []],
    ['"unchanged in this language" stands for any statement about its unit', [words('5', '3')], [unchanged('5', '3', 'ru')], []],
    ['a different number of statements', [words('5', '2'), insert('5', '2-1')], [words('5', '2')], [['statement-count', '2', '1']]],
    ['another operation on the same unit', [restate('5', '1')], [words('5', '1')], [['statement', 'restate article 5 / paragraph 1', 'words article 5 / paragraph 1']]],
    ['the same operation on another unit', [words('5', '1')], [words('5', '2')], [['statement', 'words article 5 / paragraph 1', 'words article 5 / paragraph 2']]],
    ['"unchanged" about another unit does not answer', [words('5', '1')], [unchanged('5', '2', 'ru')], [['statement', 'words article 5 / paragraph 1', 'unchanged article 5 / paragraph 2']]],
  ] as const)('%s', (_name, ru, kk, expected) => {
    expect(check([...ru], [...kk])).toEqual(expected);
  });
});
