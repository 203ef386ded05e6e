import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { knownReplyError } from '../../electron/ipc/known-errors';
import { DEFAULT_LIMITS, ImportError, type ImportLimits } from '../../electron/io/import/limits';
import { initI18n, errorMessage } from '../../renderer/i18n';
import { ZanError, zanError } from '../../shared/reply';
import i18next from 'i18next';
import { isPlural, LANGUAGES, placeholders, stringsOf } from './catalogue';
import { calleeName, parse, sourceFiles, walk, where } from './source-scan';

/** A message the main process sends: its key, the names of its params, and where it is thrown. */
interface Sent {
  key: string;
  params: string[];
  at: string;
}

/** The messages thrown as `new StoreError(code, message, 'key', { params })` (or CodedError) in electron/. */
function thrownMessages(): Sent[] {
  const sent: Sent[] = [];
  for (const path of sourceFiles('electron')) {
    walk(parse(path), (node) => {
      if (!ts.isNewExpression(node) || !['StoreError', 'CodedError'].includes(calleeName(node) ?? '')) return;
      const [, , key, params] = node.arguments ?? [];
      if (!key || !ts.isStringLiteral(key)) return;
      const names = params && ts.isObjectLiteralExpression(params) ? params.properties.map((p) => p.name?.getText() ?? '') : [];
      sent.push({ key: key.text, params: names, at: where(node) });
    });
  }
  return sent;
}

/** What a refused import says: one message per limit and per other reason, as knownReplyError gives them. */
function importMessages(): Sent[] {
  const limits = Object.keys(DEFAULT_LIMITS) as (keyof ImportLimits)[];
  const errors = [...limits.map((l) => new ImportError('LIMIT', 'a.docx', 'why', l)), new ImportError('LIMIT', 'a.docx', 'why'), ...(['FORMAT', 'ENCODING', 'NOT_A_LAW'] as const).map((k) => new ImportError(k, 'a.docx', 'why'))];
  return errors.map((e) => {
    const reply = knownReplyError(e);
    return { key: reply?.key ?? '(none)', params: Object.keys(reply?.params ?? {}), at: `ImportError ${e.kind} ${e.limit ?? ''}` };
  });
}

/** The audit actions recorded against one amendment (its history lists them): literal actions, and the two decisions. */
function auditActions(): string[] {
  const actions = new Set(['accept', 'reject']);
  for (const path of sourceFiles('electron/services')) {
    walk(parse(path), (node) => {
      if (!ts.isCallExpression(node) || calleeName(node) !== 'audit') return;
      const [, , uid, action] = node.arguments;
      // An entry without a unit (a rebase of the whole draft) is in no amendment's history.
      if (uid && uid.kind !== ts.SyntaxKind.NullKeyword && action && ts.isStringLiteral(action)) actions.add(action.text);
    });
  }
  return [...actions];
}

describe('messages of the main process', () => {
  const sent = [...thrownMessages(), ...importMessages()];

  it('finds the messages the services throw', () => {
    expect(thrownMessages().length).toBeGreaterThan(40);
  });

  it.each(sent.map((s) => [s.key, s.at, s] as const))('messages.%s is translated, with the params it is sent (%s)', (_key, _at, s) => {
    for (const lang of LANGUAGES) {
      const strings = stringsOf(lang, `messages.${s.key}`);
      expect(strings.length, `${lang}: messages.${s.key}`).toBeGreaterThan(0);
      // `message` (the English text) is always there; a plural family is filled with `count`.
      // `units` is what the interface makes of `eIds`: the units named in its language (renderer/i18n/index.ts).
      const given = new Set([...s.params, 'message', ...(s.params.includes('eIds') ? ['units'] : [])]);
      for (const text of strings) expect(placeholders(text).filter((p) => !given.has(p)), `${lang}: ${text}`).toEqual([]);
      if (isPlural(lang, `messages.${s.key}`)) expect(s.params, `${lang}: messages.${s.key} is plural`).toContain('count');
    }
  });

  it.each(auditActions())('the audit action %s is translated (review.actions)', (action) => {
    for (const lang of LANGUAGES) expect(stringsOf(lang, `review.actions.${action}`).length, `${lang}: ${action}`).toBeGreaterThan(0);
  });
});

describe('errorMessage', () => {
  beforeAll(async () => {
    await initI18n();
  });

  const notReady = (count: number) => new ZanError('NOT_READY', 'Not ready for review: Статья 5, пункт 4 (no gap).', 'readiness.notReady', { count, provisions: count === 1 ? ['Статья 5, пункт 4'] : ['Статья 5, пункт 4', 'Статья 7'] });

  it.each([
    ['ru', 1, 'у 1 поправки не указан пробел или нет обоснования: Статья 5, пункт 4.'],
    ['ru', 2, 'у 2 поправок не указан пробел или нет обоснования: Статья 5, пункт 4; Статья 7.'],
    ['kk', 1, 'Жобаны қарауға жіберуге болмайды: түзетудің олқылығы немесе негіздемесі көрсетілмеген (1): Статья 5, пункт 4.'],
    ['kk', 2, 'түзетулердің олқылығы немесе негіздемесі көрсетілмеген (2): Статья 5, пункт 4; Статья 7.'],
    ['en', 1, 'Not ready for review: 1 amendment has no gap or no justification: Статья 5, пункт 4.'],
    ['en', 2, '2 amendments have no gap or no justification'],
  ] as const)('%s, %i: says a keyed error in the interface language, with its plural and its list', async (lang, count, expected) => {
    await i18next.changeLanguage(lang);
    expect(errorMessage(notReady(count))).toContain(expected);
  });

  it.each(LANGUAGES)('%s: an unknown key falls back to the code and the English message', async (lang) => {
    await i18next.changeLanguage(lang);
    expect(errorMessage(new ZanError('NOT_READY', 'Something new.', 'readiness.somethingNew', {}))).toBe('Something new.');
    expect(errorMessage(new ZanError('NOT_FOUND', 'No package p1.'))).toBe(i18next.t('errors.NOT_FOUND'));
  });

  it('falls back when a plural message comes without its count', async () => {
    await i18next.changeLanguage('ru');
    expect(errorMessage(new ZanError('NOT_READY', 'Not ready for review.', 'readiness.notReady'))).toBe('Not ready for review.');
  });

  it('fills a refused import with the file and the limit', async () => {
    await i18next.changeLanguage('ru');
    const reply = knownReplyError(new ImportError('LIMIT', 'zip-bomb-ratio.docx', 'entry word/document.xml would inflate 500 times its size.', 'maxCompressionRatio'));
    expect(reply && errorMessage(zanError(reply))).toMatch(/^zip-bomb-ratio\.docx: .*zip-бомба.*maxCompressionRatio/);
  });
});

describe('zanError', () => {
  it.each([
    ['a key that is not a message id', { key: 'Not a key!', params: { n: 1 } }, { key: undefined, params: undefined }],
    ['params that are not values', { key: 'package.notFound', params: { f: { nested: true } } }, { key: 'package.notFound', params: undefined }],
    ['a list of something else than strings', { key: 'package.notFound', params: { list: [1, 2] } }, { key: 'package.notFound', params: undefined }],
    ['well-formed key and params', { key: 'readiness.notReady', params: { count: 2, provisions: ['a', 'b'] } }, { key: 'readiness.notReady', params: { count: 2, provisions: ['a', 'b'] } }],
  ])('keeps the code and message, and drops %s', (_what, extra, expected) => {
    const e = zanError({ code: 'NOT_READY', message: 'English.', ...(extra as object) });
    expect({ code: e.code, message: e.message, key: e.key, params: e.params }).toEqual({ code: 'NOT_READY', message: 'English.', ...expected });
  });
});
