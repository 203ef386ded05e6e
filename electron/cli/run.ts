import { amendmentsToJSON, amendmentsToText, derive } from '../../shared/amend';
import { countByKind, LawStructureError, parseLaw, printLaw, isLang, type Lang } from '../../shared/law';

/** What the CLI touches of the world, so tests can run it without files or a terminal. */
export interface CliIO {
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
  out(line: string): void;
  err(line: string): void;
}

const USAGE = `Usage: zan <command> [options] <file>...

Commands:
  check <file>...           Parse law texts (resources/corpus/FORMAT.md) and report structure or
                            numbering errors with their line numbers.
  diff <base> <draft>       The amendments that turn one law text into the other, one block each.
    --json                  As JSON: [{ kind, target: { eId, label }, base, proposed, ops }].
  format <file>             Print the canonical form of a law text.
    --check                 Do not print; exit 1 if the file is not in canonical form.
    --write                 Rewrite the file in canonical form.

Options:
  --lang ru|kk|en           The language of the text (detected from its headings by default).`;

/** Runs the `zan` command line; returns the exit code (0 ok, 1 findings, 2 usage or unreadable input). */
export function runCli(argv: readonly string[], io: CliIO): number {
  const [command, ...rest] = argv;
  const flags = new Set(rest.filter((a) => a.startsWith('--') && a !== '--lang'));
  const langAt = rest.indexOf('--lang');
  const langArg = langAt >= 0 ? rest[langAt + 1] : undefined;
  const files = rest.filter((a, i) => !a.startsWith('--') && (langAt < 0 || i !== langAt + 1));
  if (command === '--help' || command === 'help' || command === undefined) {
    io.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (langAt >= 0 && !isLang(langArg)) {
    io.err(`--lang must be ru, kk or en, not "${langArg ?? ''}".`);
    return 2;
  }
  const lang: Lang | undefined = langArg as Lang | undefined;
  if (files.length === 0) {
    io.err(USAGE);
    return 2;
  }
  switch (command) {
    case 'check':
      return files.map((f) => check(f, lang, io)).reduce((a, b) => Math.max(a, b), 0);
    case 'diff':
      if (files.length !== 2) {
        io.err('diff takes two files: the base text and the draft.');
        return 2;
      }
      return diff(files[0] as string, files[1] as string, lang, flags, io);
    case 'format':
      if (files.length !== 1) {
        io.err('format takes one file.');
        return 2;
      }
      return format(files[0] as string, lang, flags, io);
    default:
      io.err(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

/** Reads and parses one file, reporting a problem on stderr; null when it could not be parsed. */
function load(file: string, lang: Lang | undefined, io: CliIO): { text: string; parsed: ReturnType<typeof parseLaw> } | number {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    io.err(`${file}: cannot read: ${(error as Error).message}`);
    return 2;
  }
  try {
    return { text, parsed: parseLaw(text, lang ? { lang } : {}) };
  } catch (error) {
    if (error instanceof LawStructureError) {
      const where = error.where.line !== undefined ? `${file}:${error.where.line}` : file;
      io.err(`${where}: ${error.code}: ${error.message.replace(/^Line \d+: /, '')}`);
      return 1;
    }
    throw error;
  }
}

function check(file: string, lang: Lang | undefined, io: CliIO): number {
  const loaded = load(file, lang, io);
  if (typeof loaded === 'number') return loaded;
  const c = countByKind(loaded.parsed);
  io.out(`${file}: OK (${loaded.parsed.lang}; ${c.section} sections, ${c.chapter} chapters, ${c.article} articles, ${c.paragraph} paragraphs, ${c.subparagraph} subparagraphs)`);
  return 0;
}

function format(file: string, lang: Lang | undefined, flags: Set<string>, io: CliIO): number {
  const loaded = load(file, lang, io);
  if (typeof loaded === 'number') return loaded;
  const canonical = printLaw(loaded.parsed);
  if (flags.has('--check')) {
    if (canonical === loaded.text) return 0;
    io.err(`${file}: not in canonical form (run: zan format --write ${file})`);
    return 1;
  }
  if (flags.has('--write')) {
    if (canonical !== loaded.text) io.writeFile(file, canonical);
    return 0;
  }
  io.out(canonical.replace(/\n$/, ''));
  return 0;
}

function diff(baseFile: string, draftFile: string, lang: Lang | undefined, flags: Set<string>, io: CliIO): number {
  const base = load(baseFile, lang, io);
  if (typeof base === 'number') return base;
  const draft = load(draftFile, lang ?? base.parsed.lang, io);
  if (typeof draft === 'number') return draft;
  const amendments = derive(base.parsed, draft.parsed, { onDefect: (m) => io.err(`defect: ${m}`) });
  if (flags.has('--json')) io.out(JSON.stringify(amendmentsToJSON(amendments, base.parsed.lang), null, 2));
  else io.out(amendments.length ? amendmentsToText(amendments, base.parsed.lang) : 'No amendments: the texts are the same.');
  return 0;
}
