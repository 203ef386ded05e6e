import { amendmentsToJSON, amendmentsToText, derive } from '../../shared/amend';
import { applyOperations, InstructionError, parseAmendingLaw, planOperations, renderAmendingLaw } from '../../shared/instructions';
import { countByKind, isLang, printLaw, type Lang } from '../../shared/law';
import { auditCheck, importCommand } from './database-commands';
import { akn, DEFAULT_TITLE, redline, table } from './document-commands';
import { load, readInput, type CliIO } from './io';

export type { CliIO } from './io';

const USAGE = `Usage: zan <command> [options] <file>...

Commands:
  check <file>...           Parse law texts (resources/corpus/FORMAT.md) and report structure or
                            numbering errors with their line numbers.
  diff <base> <draft>       The amendments that turn one law text into the other, one block each.
    --json                  As JSON: [{ kind, target: { eId, label }, base, proposed, ops }].
  instructions <base> <draft>
                            The text of the amending law that turns one law text into the other.
    --title "…"             How the amended act is cited (default: "Закон Республики Казахстан" …).
  apply <base> <law>        Apply the text of an amending law to a law text; print the result.
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
  audit-check --db <file>   Verify the hash chain of a workbench database's audit log.
  format <file>             Print the canonical form of a law text.
    --check                 Do not print; exit 1 if the file is not in canonical form.
    --write                 Rewrite the file in canonical form.

Every <file> may be plain text (.txt, resources/corpus/FORMAT.md), a portal page (.html), a Word
document (.docx) or Akoma Ntoso (.xml); all but .txt go through the importers and their limits.

Options:
  --lang ru|kk|en           The language of the texts (detected from the base text by default).`;

/** Runs the `zan` command line; returns the exit code (0 ok, 1 findings, 2 usage or unreadable input). */
export function runCli(argv: readonly string[], io: CliIO): number | Promise<number> {
  const [command, ...rest] = argv;
  // Options with a value: --lang ru, --title "…".
  const valued = new Map<string, string | undefined>();
  const taken = new Set<number>();
  for (const name of ['--lang', '--title', '--out', '--db', '--author', '--date', '--number', '--into', '--from']) {
    const at = rest.indexOf(name);
    if (at >= 0) {
      valued.set(name, rest[at + 1]);
      taken.add(at).add(at + 1);
    }
  }
  const langAt = rest.indexOf('--lang');
  const langArg = valued.get('--lang');
  const flags = new Set(rest.filter((a, i) => a.startsWith('--') && !taken.has(i)));
  const files = rest.filter((a, i) => !a.startsWith('--') && !taken.has(i));
  if (command === '--help' || command === 'help' || command === undefined) {
    io.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (langAt >= 0 && !isLang(langArg)) {
    io.err(`--lang must be ru, kk or en, not "${langArg ?? ''}".`);
    return 2;
  }
  const lang: Lang | undefined = langArg as Lang | undefined;
  if (command === 'audit-check') return auditCheck(valued.get('--db'), io);
  if (command === 'import') {
    if (files.length !== 1) {
      io.err('import takes one file: zan import <file> --db <workbench database> [--into <slug> --from YYYY-MM-DD] [--title "…"].');
      return 2;
    }
    return importCommand(files[0] as string, lang, { db: valued.get('--db'), into: valued.get('--into'), from: valued.get('--from'), title: valued.get('--title') }, io);
  }
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
    case 'instructions':
      if (files.length !== 2) {
        io.err('instructions takes two files: the base text and the draft.');
        return 2;
      }
      return instructions(files[0] as string, files[1] as string, lang, valued.get('--title'), io);
    case 'apply':
      if (files.length !== 2) {
        io.err('apply takes two files: the base text and the amending law.');
        return 2;
      }
      return applyLaw(files[0] as string, files[1] as string, lang, io);
    case 'table':
      if (files.length !== 2 || !valued.get('--out')) {
        io.err('table takes two files (the base text and the draft) and --out <file.docx|file.html>.');
        return 2;
      }
      return table(files[0] as string, files[1] as string, lang, valued.get('--out') as string, valued.get('--title'), io);
    case 'redline':
      if (files.length !== 2 || !/\.(docx|html|pdf)$/i.test(valued.get('--out') ?? '')) {
        io.err('redline takes two files (the base text and the draft) and --out <file.docx|file.html|file.pdf>.');
        return 2;
      }
      return redline(files[0] as string, files[1] as string, lang, valued.get('--out') as string, {
        author: valued.get('--author') ?? 'Zan Workbench',
        title: valued.get('--title'),
        changedOnly: flags.has('--changed-only'),
      }, io);
    case 'akn':
      if (files.length !== 1) {
        io.err('akn takes one file.');
        return 2;
      }
      if (valued.has('--date') && !/^\d{4}-\d{2}-\d{2}$/.test(valued.get('--date') ?? '')) {
        io.err('--date must be YYYY-MM-DD.');
        return 2;
      }
      return akn(files[0] as string, lang, { title: valued.get('--title'), date: valued.get('--date') ?? null, number: valued.get('--number') ?? null, out: valued.get('--out') }, io);
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


function instructions(baseFile: string, draftFile: string, lang: Lang | undefined, title: string | undefined, io: CliIO): number {
  const base = load(baseFile, lang, io);
  if (typeof base === 'number') return base;
  const draft = load(draftFile, lang ?? base.parsed.lang, io);
  if (typeof draft === 'number') return draft;
  const l = base.parsed.lang;
  try {
    const operations = planOperations(base.parsed, draft.parsed);
    if (operations.length === 0) {
      io.err('The texts are the same: there is nothing to amend.');
      return 1;
    }
    io.out(renderAmendingLaw(l, [{ citation: title ?? DEFAULT_TITLE[l], operations }]).replace(/\n$/, ''));
    return 0;
  } catch (error) {
    if (error instanceof InstructionError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
}

function applyLaw(baseFile: string, lawFile: string, lang: Lang | undefined, io: CliIO): number {
  const base = load(baseFile, lang, io);
  if (typeof base === 'number') return base;
  const text = readInput(lawFile, io, io.readFile);
  if (text === null) return 2;
  try {
    const acts = parseAmendingLaw(base.parsed.lang, text);
    if (acts.length !== 1) {
      io.err(`${lawFile}: amends ${acts.length} acts; apply takes a law that amends one.`);
      return 1;
    }
    io.out(printLaw(applyOperations(base.parsed, (acts[0] as (typeof acts)[number]).operations)).replace(/\n$/, ''));
    return 0;
  } catch (error) {
    if (error instanceof InstructionError) {
      io.err(`${lawFile}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
