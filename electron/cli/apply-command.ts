// `zan apply`: an amending law, as published or as the workbench writes it, applied to a law text.
import { structuralLabel, withinLabel } from '../../shared/amend/label';
import type { PathStep } from '../../shared/amend';
import { applyOperations, InstructionError, readAmendingLaw, type Operation, type StatementReading } from '../../shared/instructions';
import { modificationsToOperations, type AknModification } from '../../shared/akn';
import { printLaw, type Lang, type LawDoc } from '../../shared/law';
import { readAknDocument } from '../io/import/akn-document';
import { DEFAULT_LIMITS, ImportError } from '../io/import/limits';
import { load, readInput, type CliIO } from './io';

/** What an operation is about, for people: "Статья 1, подпункт 2) — restate". */
function target(op: Operation, lang: Lang): string {
  if (op.op === 'throughout') return `the whole text — ${op.op}`;
  const address: PathStep[] = op.op === 'insert' ? [...op.parent, { kind: op.kind, num: op.num }] : op.address;
  const where = address.length ? structuralLabel(address, lang) : 'the act';
  const within = withinLabel({ ...('heading' in op && op.heading ? { heading: true as const } : {}), ...('line' in op && op.line !== undefined ? { line: op.line } : {}) }, lang);
  return `${where}${within ? `, ${within}` : ''} — ${op.op}`;
}

/** The amended law, or why the whole result is refused (InstructionError: it would not be a valid law). */
function appliedOrInvalid(apply: () => LawDoc): LawDoc | string {
  try {
    return apply();
  } catch (error) {
    if (error instanceof InstructionError) return error.message;
    throw error;
  }
}

const clip = (text: string) => (text.length > 90 ? `${text.slice(0, 87)}…` : text);

/**
 * Applies the statements of an amending law that concern one act (`--act N` of a law amending
 * several) to a base text and prints the result. Every statement that cannot be read is reported
 * with its line and the reason, and nothing is printed then; `--check` instead lists every
 * statement of the act with its target and whether it applies (exit 1 if one does not).
 */
export function applyLaw(baseFile: string, lawFile: string, lang: Lang | undefined, options: { act: string | undefined; check: boolean }, io: CliIO): number {
  const base = load(baseFile, lang, io);
  if (typeof base === 'number') return base;
  if (/\.(xml|akn)$/i.test(lawFile)) return applyAkn(base.parsed, lawFile, options.check, io);
  const text = readInput(lawFile, io, io.readFile);
  if (text === null) return 2;
  const l = base.parsed.lang;
  const reading = readAmendingLaw(l, text);
  for (const p of reading.problems) io.err(`${lawFile}:${p.line}: ${p.reason}: "${clip(p.text)}"`);
  if (reading.acts.length === 0) return 1;
  let index = 0;
  if (options.act !== undefined) {
    index = Number(options.act) - 1;
    if (!Number.isInteger(index) || index < 0 || index >= reading.acts.length) {
      io.err(`--act must be a number from 1 to ${reading.acts.length}: ${lawFile} amends ${reading.acts.map((a, i) => `${i + 1}. ${a.citation}`).join('; ')}.`);
      return 2;
    }
  } else if (reading.acts.length > 1) {
    io.err(`${lawFile} amends ${reading.acts.length} acts; choose one with --act N: ${reading.acts.map((a, i) => `${i + 1}. ${a.citation}`).join('; ')}.`);
    return 2;
  }
  const statements = reading.statements.filter((s) => s.act === index);
  // Which statement each operation of the act comes from, for messages.
  const from: StatementReading[] = statements.flatMap((s) => s.operations.map(() => s));
  const ops = statements.flatMap((s) => s.operations);
  const failed = new Map<StatementReading, string>();
  const result = appliedOrInvalid(() =>
    applyOperations(base.parsed, ops, {
      describe: (_op, i) => `line ${from[i]?.line}`,
      onError: (error, i) => void (failed.has(from[i] as StatementReading) || failed.set(from[i] as StatementReading, error.message.replace(/^line \d+: /, ''))),
    }),
  );
  const unread = statements.filter((s) => s.problem);
  if (options.check) {
    for (const s of statements) {
      const what = s.operations.map((op) => target(op, l)).join('; ') || '?';
      const status = s.problem ? `cannot be read: ${s.problem}` : failed.has(s) ? `does not apply: ${failed.get(s)}` : 'applies';
      io.out(`${lawFile}:${s.line}: ${what} — ${status}\n  ${clip(s.text)}`);
    }
    io.out(`${statements.length} statement(s): ${statements.length - unread.length - failed.size} apply, ${failed.size} do not apply, ${unread.length} cannot be read.`);
    if (typeof result === 'string') io.out(`${lawFile}: ${result}`);
    return unread.length || failed.size || reading.problems.length || typeof result === 'string' ? 1 : 0;
  }
  for (const s of statements) {
    if (s.problem) io.err(`${lawFile}:${s.line}: ${s.problem}: "${clip(s.text)}"`);
    else if (failed.has(s)) io.err(`${lawFile}:${s.line}: does not apply: ${failed.get(s)}: "${clip(s.text)}"`);
  }
  if (typeof result === 'string') io.err(`${lawFile}: ${result}`);
  // A line the reader could not place (reported above) may be a statement: the result would lack it.
  if (unread.length || failed.size || reading.problems.length || typeof result === 'string') return 1;
  io.out(printLaw(result).replace(/\n$/, ''));
  return 0;
}

/**
 * Applies an Akoma Ntoso amendment document (the workbench's own export, or another system's) to a
 * law: each textual modification, by the eId it points at. `check`: list them instead.
 */
function applyAkn(base: LawDoc, lawFile: string, check: boolean, io: CliIO): number {
  const bytes = readInput(lawFile, io, io.readBytes);
  if (bytes === null) return 2;
  let mods: AknModification[];
  try {
    mods = readAknDocument(bytes, lawFile, DEFAULT_LIMITS, () => {}).modifications;
  } catch (error) {
    if (error instanceof ImportError) {
      io.err(error.message);
      return 2;
    }
    throw error;
  }
  if (mods.length === 0) {
    io.err(`${lawFile}: it holds no textual modifications (an Akoma Ntoso amendment document lists them in <activeModifications>).`);
    return 1;
  }
  const { operations, sources, problems } = modificationsToOperations(mods, base);
  const failed = new Map<number, string>();
  const result = appliedOrInvalid(() => applyOperations(base, operations, { describe: (_op, i) => `modification ${(sources[i] ?? 0) + 1}`, onError: (error, i) => void failed.set(sources[i] ?? i, error.message.replace(/^modification \d+: /, '')) }));
  for (const p of problems) failed.set(p.index, p.reason);
  if (check) {
    mods.forEach((m, i) => io.out(`${lawFile}: modification ${i + 1} (${m.type} ${m.destination.replace(/^.*[~#]/, '')}) — ${failed.has(i) ? `does not apply: ${failed.get(i)}` : 'applies'}`));
    if (typeof result === 'string') io.out(`${lawFile}: ${result}`);
    return failed.size || typeof result === 'string' ? 1 : 0;
  }
  for (const [i, why] of [...failed].sort((a, b) => a[0] - b[0])) io.err(`${lawFile}: modification ${i + 1}: ${why}: "${clip(mods[i]?.text ?? '')}"`);
  if (typeof result === 'string') io.err(`${lawFile}: ${result}`);
  if (failed.size || typeof result === 'string') return 1;
  io.out(printLaw(result).replace(/\n$/, ''));
  return 0;
}
