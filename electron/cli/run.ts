import { isLang, type Lang } from '../../shared/law';
import { applyLaw } from './apply-command';
import { readArguments, type OptionSpec, type ReadArguments } from './args';
import { auditCheck, importCommand, packageInstructions } from './database-commands';
import { backupsCommand, restoreBackupCommand } from './backup-commands';
import { akn, redline, table } from './document-commands';
import type { CliIO } from './io';
import { bilingualInstructions } from './bilingual-instructions';
import { parity } from './parity-command';
import { check, diff, format, instructions } from './text-commands';

export type { CliIO } from './io';

const USAGE = `Usage: zan <command> [options] <file>...

Commands:
  check <file>...           Read law texts (resources/corpus/FORMAT.md, or as the portal shows
                            them) and report what was found: the title and act line, the units,
                            every warning, and structure or numbering errors with their lines.
  diff <base> <draft>       The amendments that turn one law text into the other, one block each.
    --json                  As JSON: [{ kind, target: { eId, label }, base, proposed, ops }].
  instructions <base> <draft> [<base> <draft>]...
                            The text of the amending law that turns each base into its draft
                            (several pairs: a law amending several acts).
    --title "…"             How an amended act is cited, once per pair in order (default: the
                            title and act line of its base file, or "Закон Республики Казахстан").
  instructions --ru <base> <draft> --kk <base> <draft>
                            Both amending laws of one act, Russian then Kazakh (# ru, # kk),
                            statement for statement; a unit changed in one language only is
                            written as unchanged in the other ("текст на казахском языке не
                            изменяется"), and named on stderr with any parity finding.
  instructions --package <id|title> [--db <file>]
                            The amending law of a package in a workbench database (the app's own
                            by default), in --lang or the package's first language.
  apply <base> <law>        Apply an amending law (as published on the portal, or as written by
                            instructions) to a law text; print the result.
    --act N                 The act of a law amending several: its number in Article 1.
    --check                 Print nothing but every statement of the act, its target and
                            whether it applies; exit 1 if one does not.
  table <base> <draft> --out <file.docx|file.html>
                            Write the comparative table (current / proposed wording) of the changes.
  redline <base> <draft> --out <file.docx|file.html|file.pdf> [--author "…"]
                            The draft with its changes as tracked changes (DOCX: native
                            revisions Word and LibreOffice accept or reject; HTML; PDF printed
                            from that HTML by headless Chromium, see ZAN_CHROMIUM).
    --changed-only          Only the articles that change, with their chapter headings.
  akn <file> [--out <file.xml>] [--title "…"] [--date YYYY-MM-DD] [--number "…"]
                            The law as Akoma Ntoso XML (an act: hierarchy, eIds, num, heading,
                            content); printed when there is no --out.
  import <file> [--db <file>]
                            Import a law (text, HTML, DOCX, AKN XML) into a workbench database
                            (the app's own by default): as a new law, or a new version of one.
    --into <slug> --from YYYY-MM-DD
                            A new version of the law <slug>, in force from the date; its
                            open drafts are rebased onto it (conflicts listed).
  parity --ru <base> <draft> --kk <base> <draft>
                            The findings of a law's two language drafts against each other:
                            structure, numbers and dates, references, units changed in one
                            language only, the two amending laws' statements; exit 1 if any.
    --json                  As JSON: [{ kind, eId, message, ru?, kk? }].
  audit-check --db <file>   Verify a workbench database's audit log without writing to it: the
                            chain, the head file beside it, the review state it recorded.
                            Exit 0 ok, 1 tampered (the first bad entry named), 2 cannot check.
    --key <file>            Also check the signatures with this key (repeatable; the key file
                            beside the database is used when there is one).
  backups [--db <file>]     List the database's backups (backups/ beside it), newest first.
  restore-backup --from <backup> [--db <file>]
                            Put a backup in place of the database (close the app first); the
                            database it replaces is kept among the backups.
  format <file>             Print the canonical form of a law text.
    --check                 Do not print; exit 1 if the file is not in canonical form.
    --write                 Rewrite the file in canonical form.
  server --pg <url> [--listen host:port] | server migrate|add-user|revoke …
                            The team service over PostgreSQL (\`zan server\` alone lists its commands).

Every <file> may be plain text (.txt, resources/corpus/FORMAT.md), a portal page (.html), a Word
document (.docx) or Akoma Ntoso (.xml); all but .txt go through the importers and their limits.

Options:
  --lang ru|kk|en           The language of the texts (detected from the base text by default).`;

/** One command of the command line: the options it takes, how many files, and what it does. */
interface Command {
  options: OptionSpec;
  /** Whether the number of files (positional arguments) is right, and what to say when it is not. */
  files: (n: number) => true | string;
  run: (files: string[], values: ReadArguments['values'], lang: Lang | undefined, io: CliIO) => number | Promise<number>;
}

const LANG = { lang: { type: 'string' } } as const;
const exactly = (n: number, what: string) => (given: number) => given === n || what;
const str = (values: ReadArguments['values'], name: string) => values[name] as string | undefined;

/** Every command, by name. */
const COMMANDS: Record<string, Command> = {
  check: { options: { ...LANG }, files: (n) => n > 0 || 'check takes one or more law files.', run: (files, _, lang, io) => files.map((f) => check(f, lang, io)).reduce((a, b) => Math.max(a, b), 0) },
  diff: { options: { ...LANG, json: { type: 'boolean' } }, files: exactly(2, 'diff takes two files: the base text and the draft.'), run: ([a, b], v, lang, io) => diff(a!, b!, lang, v['json'] === true, io) },
  instructions: {
    options: { ...LANG, title: { type: 'string', multiple: true }, package: { type: 'string' }, db: { type: 'string' }, ru: { type: 'string', multiple: true }, kk: { type: 'string', multiple: true } },
    files: (n) => n >= 0 || '',
    run: (files, v, lang, io) => {
      if (v['ru'] !== undefined || v['kk'] !== undefined) {
        const [ru, kk] = [v['ru'] as string[] | undefined, v['kk'] as string[] | undefined];
        if (files.length || ru?.length !== 2 || kk?.length !== 2) return usageError(io, 'instructions --ru <base> <draft> --kk <base> <draft> takes two files for each language and no others.');
        return bilingualInstructions({ ru: [ru[0]!, ru[1]!], kk: [kk[0]!, kk[1]!] }, io);
      }
      if (v['package'] !== undefined) return files.length ? usageError(io, 'instructions --package takes no files.') : packageInstructions(str(v, 'package')!, str(v, 'db'), lang, io);
      if (files.length < 2) return usageError(io, 'instructions takes a base text and its draft (one pair for each act), or --package <id|title>.');
      return instructions(files, lang, (v['title'] as string[] | undefined) ?? [], io);
    },
  },
  apply: {
    options: { ...LANG, act: { type: 'string' }, check: { type: 'boolean' } },
    files: exactly(2, 'apply takes two files: the base text and the amending law.'),
    run: ([a, b], v, lang, io) => applyLaw(a!, b!, lang, { act: str(v, 'act'), check: v['check'] === true }, io),
  },
  table: {
    options: { ...LANG, out: { type: 'string' }, title: { type: 'string' } },
    files: exactly(2, 'table takes two files (the base text and the draft) and --out <file.docx|file.html>.'),
    run: ([a, b], v, lang, io) => (str(v, 'out') ? table(a!, b!, lang, str(v, 'out')!, str(v, 'title'), io) : usageError(io, 'table needs --out <file.docx|file.html>.')),
  },
  redline: {
    options: { ...LANG, out: { type: 'string' }, title: { type: 'string' }, author: { type: 'string' }, 'changed-only': { type: 'boolean' } },
    files: exactly(2, 'redline takes two files (the base text and the draft) and --out <file.docx|file.html|file.pdf>.'),
    run: ([a, b], v, lang, io) =>
      /\.(docx|html|pdf)$/i.test(str(v, 'out') ?? '')
        ? redline(a!, b!, lang, str(v, 'out')!, { author: str(v, 'author') ?? 'Zan Workbench', title: str(v, 'title'), changedOnly: v['changed-only'] === true }, io)
        : usageError(io, 'redline needs --out <file.docx|file.html|file.pdf>.'),
  },
  akn: {
    options: { ...LANG, out: { type: 'string' }, title: { type: 'string' }, date: { type: 'string' }, number: { type: 'string' } },
    files: exactly(1, 'akn takes one file.'),
    run: ([file], v, lang, io) => {
      const date = str(v, 'date');
      if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) return usageError(io, '--date must be YYYY-MM-DD.');
      return akn(file!, lang, { title: str(v, 'title'), date: date ?? null, number: str(v, 'number') ?? null, out: str(v, 'out') }, io);
    },
  },
  import: {
    options: { ...LANG, db: { type: 'string' }, into: { type: 'string' }, from: { type: 'string' }, title: { type: 'string' } },
    files: exactly(1, 'import takes one file: zan import <file> [--db <workbench database>] [--into <slug> --from YYYY-MM-DD] [--title "…"].'),
    run: ([file], v, lang, io) => importCommand(file!, lang, { db: str(v, 'db'), into: str(v, 'into'), from: str(v, 'from'), title: str(v, 'title') }, io),
  },
  parity: {
    options: { ru: { type: 'string', multiple: true }, kk: { type: 'string', multiple: true }, en: { type: 'string', multiple: true }, json: { type: 'boolean' } },
    files: exactly(0, 'parity takes its files after the languages: zan parity --ru <base> <draft> --kk <base> <draft>.'),
    run: (_, v, __, io) => {
      const pairs: Partial<Record<Lang, [string, string]>> = {};
      for (const l of ['ru', 'kk', 'en'] as const) {
        const files = v[l] as string[] | undefined;
        if (files === undefined) continue;
        if (files.length !== 2) return usageError(io, `--${l} takes two files: the base text and the draft.`);
        pairs[l] = [files[0] as string, files[1] as string];
      }
      return parity(pairs, v['json'] === true, io);
    },
  },
  'audit-check': {
    options: { db: { type: 'string' }, key: { type: 'string', multiple: true } },
    files: exactly(0, 'audit-check takes no file: zan audit-check --db <file>.'),
    run: (_, v, __, io) => auditCheck(str(v, 'db'), (v['key'] as string[] | undefined) ?? [], io),
  },
  backups: { options: { db: { type: 'string' } }, files: exactly(0, 'backups takes no file: zan backups [--db <file>].'), run: (_, v, __, io) => backupsCommand(str(v, 'db'), io) },
  'restore-backup': {
    options: { db: { type: 'string' }, from: { type: 'string' } },
    files: exactly(0, 'restore-backup takes no file: zan restore-backup [--db <file>] --from <backup>.'),
    run: (_, v, __, io) => restoreBackupCommand(str(v, 'db'), str(v, 'from'), io),
  },
  format: {
    options: { ...LANG, check: { type: 'boolean' }, write: { type: 'boolean' } },
    files: exactly(1, 'format takes one file.'),
    run: ([file], v, lang, io) => format(file!, lang, { check: v['check'] === true, write: v['write'] === true }, io),
  },
};

function usageError(io: CliIO, message: string): number {
  io.err(message);
  return 2;
}

/** Runs the `zan` command line; returns the exit code (0 ok, 1 findings, 2 usage or unreadable input). */
export function runCli(argv: readonly string[], io: CliIO): number | Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === 'help' || name === '-h' || name === undefined) {
    io.out(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) return usageError(io, `Unknown command "${name}".\n\n${USAGE}`);
  // "--ru <base> <draft>": a language takes the two files after it (read as that option twice).
  const read = readArguments(name, name === 'parity' || name === 'instructions' ? pairedLanguageFiles(rest) : rest, command.options);
  if ('error' in read) return usageError(io, read.error);
  const lang = str(read.values, 'lang');
  if (lang !== undefined && !isLang(lang)) return usageError(io, `--lang must be ru, kk or en, not "${lang}".`);
  const files = command.files(read.positionals.length);
  if (files !== true) return usageError(io, files);
  return command.run(read.positionals, read.values, lang, io);
}

/** `--ru a b` as `--ru a --ru b`, for the commands that take a base and a draft per language. */
function pairedLanguageFiles(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    const next = argv[i + 1];
    const after = argv[i + 2];
    if (/^--(ru|kk|en)$/u.test(token) && next !== undefined && after !== undefined && !next.startsWith('--') && !after.startsWith('--')) {
      out.push(token, next, token, after);
      i += 2;
    } else out.push(token);
  }
  return out;
}
