import { TEAM_ROLES } from '../../shared/team/contract';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/ipc';
import { CATALOGUES } from '../../renderer/i18n';
import { MARKUP_VIEWS } from '../../renderer/review/markup';
import { AUDIT_ACTIONS, AUDIT_DOCUMENTS } from '../../renderer/review/audit-actions';
import { keysOf, LANGUAGES, stringsOf } from './catalogue';
import { calleeName, keyLiterals, parse, sourceFiles, walk, where } from './source-scan';

// Keys built at run time, by the fixed head of their template, with every value they take.
// A new template key fails the test below until its values are listed here.
const DYNAMIC: Record<string, readonly string[]> = {
  'amendments.kind.': ['words', 'restate', 'insert', 'repeal', 'renumber', 'move'],
  'compare.': ['side', 'inline'],
  'review.': ['proposed', 'accepted', 'rejected'],
  'conflicts.reason.': ['both-changed', 'repealed-in-new-base', 'removed-in-new-base', 'no-place'],
  'library.status.': ['draft', 'review', 'submitted', 'archived'],
  'markup.': MARKUP_VIEWS,
  'markup.hint.': MARKUP_VIEWS,
  'commands.groups.': ['structure', 'navigate', 'review', 'find', 'view', 'app'],
  'help.topics.': ['drafts', 'numbering', 'amendments', 'review', 'markup', 'throughout', 'documents'],
  // The unit kinds an editor command names in its notice (node types of the law schema).
  // What a parity finding says (shared/bilingual/findings.ts, ParityCode), and the languages it names.
  'parity.finding.': ['only-in', 'differs', 'translate', 'facts', 'changed', 'statement-count', 'statement', 'text-missing'],
  'parity.inText.': ['ru', 'kk', 'en'],
  'kind.': ['section', 'chapter', 'article', 'part', 'paragraph', 'subparagraph'],
  'errors.': ['INVALID_PAYLOAD', 'UNKNOWN_CHANNEL', 'FORBIDDEN_SENDER', 'NOT_FOUND', 'CONFLICT', 'NOT_EDITABLE', 'INVALID_LAW', 'NOT_READY', 'INVALID_INPUT', 'INVALID_INSTRUCTION', 'DB_TOO_NEW', 'DB_UNTRUSTED', 'DB_DAMAGED', 'DISK_FULL', 'READ_ONLY', 'CANCELLED', 'INTERNAL'],
  // Checked against what the main process sends (main-messages.test.ts).
  'messages.': [],
  // Checked against the actions the audit log records (main-messages.test.ts).
  'review.actions.': [],
  // The audit view's names of actions and exported documents (audit.test.ts checks the list against the services).
  'audit.actions.': AUDIT_ACTIONS,
  'audit.documents.': AUDIT_DOCUMENTS,
  // Why a backup was made: the reasons the contract's listBackups answers with.
  'backups.reason.': contract.listBackups.output.element.shape.reason.options,
  // Team mode: the states of the title bar's status (TeamView.state but 'off') and the team's roles.
  'teamUi.state.': ['online', 'offline', 'syncing'],
  'teamUi.role.': TEAM_ROLES,
};

/** The functions whose first argument is a catalogue key. */
const KEYED = new Set(['t', 'phrase', 'notify']);

/** Properties of the renderer's own tables (commands, menus) that hold a key translated later (`title: 'commands.save'`). */
const KEYED_PROPERTIES = new Set(['title', 'label', 'hint', 'description']);

/** A template key: its text before and after its one substitution, and where it is. */
interface Template {
  head: string;
  tail: string;
  at: string;
}

/** Every key the renderer names: literal arguments of t / phrase / notify, i18nKey attributes and keyed properties, and the templates among them. */
function usedKeys(): { keys: Map<string, string>; templates: Template[] } {
  const keys = new Map<string, string>();
  const templates: Template[] = [];
  for (const path of sourceFiles('renderer')) {
    walk(parse(path), (node) => {
      let arg: ts.Expression | undefined;
      if (ts.isCallExpression(node) && KEYED.has(calleeName(node) ?? '')) arg = node.arguments[0];
      if (ts.isJsxAttribute(node) && node.name.getText() === 'i18nKey' && node.initializer && ts.isStringLiteral(node.initializer)) arg = node.initializer;
      if (ts.isPropertyAssignment(node) && KEYED_PROPERTIES.has(node.name.getText()) && ts.isStringLiteral(node.initializer) && /^[a-z]\w*(\.[\w-]+)+$/.test(node.initializer.text)) arg = node.initializer;
      if (!arg) return;
      const found = keyLiterals(arg);
      // A catalogue key starts with one of the catalogue's top-level names.
      for (const k of found.literals) if ((k.split('.')[0] as string) in CATALOGUES.en) keys.set(k, where(arg));
      for (const t of found.templates) templates.push({ ...t, at: where(arg) });
    });
  }
  return { keys, templates };
}

describe('interface catalogues', () => {
  it.each(LANGUAGES)('%s: every plural family has exactly the forms of its language (Intl.PluralRules)', (lang) => {
    expect(keysOf(lang).problems).toEqual([]);
  });

  const pairs = LANGUAGES.flatMap((a) => LANGUAGES.filter((b) => b !== a).map((b) => [a, b] as const));
  it.each(pairs)('every key of %s is in %s', (a, b) => {
    const there = keysOf(b).keys;
    expect([...keysOf(a).keys].filter((k) => !there.has(k))).toEqual([]);
  });

  it.each(LANGUAGES)('%s: no string is empty', (lang) => {
    const empty = [...keysOf(lang).keys].filter((k) => stringsOf(lang, k).some((s) => s.trim() === ''));
    expect(empty).toEqual([]);
  });
});

describe('keys the renderer uses', () => {
  const { keys, templates } = usedKeys();

  it('finds the keys the views use', () => {
    expect(keys.size).toBeGreaterThan(100);
  });

  it.each([...keys])('%s is translated (%s)', (key) => {
    for (const lang of LANGUAGES) expect(stringsOf(lang, key).length, `${lang}: ${key}`).toBeGreaterThan(0);
  });

  it.each(templates.map((t) => [t.head, t.at]))('the template key %s… has its values listed (%s)', (head) => {
    expect(DYNAMIC[head], `list the values of \`${head}\${…}\` in DYNAMIC`).toBeDefined();
  });

  const dynamic = [...new Set(templates.flatMap((t) => (DYNAMIC[t.head] ?? []).map((v) => `${t.head}${v}${t.tail}`)))];
  it.each(dynamic)('%s is translated', (key) => {
    for (const lang of LANGUAGES) expect(stringsOf(lang, key).length, `${lang}: ${key}`).toBeGreaterThan(0);
  });
});
