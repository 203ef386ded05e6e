// The commands that work on a workbench database: importing a law, checking the audit log.
import { existsSync } from 'node:fs';
import { InstructionError } from '../../shared/instructions';
import { countByKind, type Lang } from '../../shared/law';
import { ImportError } from '../io/import';
import { auditKeyFile, defaultDatabaseFile } from '../paths';
import { verifyAudit } from '../services/audit/check';
import { existingFileSigner, fileKey, hmacSigner, type AuditSigner } from '../services/audit/signer';
import type { AuditCheck } from '../services/audit/verify';
import { createServiceContext } from '../services/context';
import { packageDocuments } from '../services/documents';
import { importLaw, type ImportTarget } from '../services/import';
import { openDatabase } from '../store/database';
import { inspectDatabase, readUntouched, refusalReason } from '../store/inspect';
import { StoreError } from '../store/errors';
import { createReadStore, createStore } from '../store/store';
import { readInput, type CliIO } from './io';

/** The native binding the CLI's database connections load (io.ts). */
const binding = (io: CliIO) => (io.nativeBinding ? { nativeBinding: io.nativeBinding } : {});

/**
 * Imports a law file into a workbench database: a new law, or (`--into <slug> --from <date>`) a new
 * version of a law in the library, in force from that date, onto which the open drafts are rebased.
 */
export function importCommand(file: string, lang: Lang | undefined, options: { db: string | undefined; into: string | undefined; from: string | undefined; title: string | undefined }, io: CliIO): number {
  // Without --db, the app's own database (where the app keeps it on this platform).
  options = { ...options, db: options.db ?? defaultDatabaseFile() };
  if (!existsSync(options.db!)) {
    io.err(`${options.db}: no workbench database there. Start the app once (it creates it), or name one with --db <file>.`);
    return 2;
  }
  if (options.into && !/^\d{4}-\d{2}-\d{2}$/.test(options.from ?? '')) {
    io.err('--into needs --from YYYY-MM-DD, the date the new version is in force from.');
    return 2;
  }
  const bytes = readInput(file, io, io.readBytes);
  if (bytes === null) return 2;
  const store = createStore(openDatabase(options.db!, binding(io)));
  try {
    // The import is logged, signed with the key file beside the database (made on first use).
    const ctx = { ...createServiceContext(store), signer: hmacSigner(fileKey(auditKeyFile(options.db!))) };
    let target: ImportTarget;
    if (options.into) {
      const work = store.works.listWorks().find((w) => w.slug === options.into);
      if (!work) {
        io.err(`No law "${options.into}" in ${options.db}. Its slugs: ${store.works.listWorks().map((w) => w.slug).join(', ')}.`);
        return 2;
      }
      target = { kind: 'version', workId: work.id, inForceFrom: options.from as string };
    } else target = { kind: 'new', ...(options.title ? { title: options.title } : {}) };
    const result = importLaw(ctx, { name: file, bytes, target, ...(lang ? { lang } : {}) });
    const { read } = result;
    for (const f of read.findings) io.err(`${file}: ${f.where}: warning: ${f.code}: ${f.message}`);
    const c = countByKind(read.law);
    io.out(`${file}: imported (${read.format}, ${read.lang}; ${c.chapter} chapters, ${c.article} articles, ${c.paragraph} paragraphs, ${c.subparagraph} subparagraphs) as ${target.kind === 'new' ? 'a new law' : `a new version of ${options.into} in force from ${options.from}`}.`);
    for (const r of result.rebased) io.out('error' in r ? `  draft of "${r.packageTitle}": not rebased: ${r.error}` : `  draft of "${r.packageTitle}": rebased, ${r.carried} change(s) carried over, ${r.conflicts} conflict(s) to resolve.`);
    return 0;
  } catch (error) {
    if (error instanceof ImportError || error instanceof StoreError) {
      io.err(error.message);
      return error instanceof ImportError ? 2 : 1;
    }
    throw error;
  } finally {
    store.close();
  }
}

/**
 * `zan audit-check --db <file> [--key <file>…]`: verifies a workbench database's audit log without
 * writing to it or beside it (it is opened read-only, never migrated; inspect.ts): the chain, the
 * signatures (with the keys given and the key file beside the database, when there is one), the
 * head file, the review state. Exit 0: it holds (what could not be checked is said); 1: it was
 * tampered with (the first entry that breaks it is named); 2: it cannot be checked (no file, not a
 * Zan database, from a newer version, unreadable, a key file that is not one), with why.
 */
export function auditCheck(file: string | undefined, keyFiles: readonly string[], io: CliIO): number {
  if (!file) {
    io.err('audit-check needs --db <file>, a workbench database.');
    return 2;
  }
  const found = inspectDatabase(file, binding(io));
  if (found.kind === 'missing') {
    io.err(`${file}: no such file.`);
    return 2;
  }
  const refused = refusalReason(found);
  if (refused) {
    io.err(`${file}: cannot check: ${refused}`);
    return 2;
  }
  let keys: AuditSigner[];
  let beside: AuditSigner[];
  try {
    keys = keyFiles.map((k) => {
      if (!existsSync(k)) throw new Error(`${k}: no such key file`);
      return hmacSigner(fileKey(k));
    });
    // The key file beside the database checks what it signed; what other keys signed is said unchecked, not forged.
    const signer = existingFileSigner(auditKeyFile(file));
    beside = signer ? [signer] : [];
  } catch (error) {
    io.err(`${file}: cannot check: ${(error as Error).message}.`);
    return 2;
  }
  let result: AuditCheck;
  try {
    result = readUntouched(file, (db) => verifyAudit(createServiceContext(createReadStore(db)), keys, { found: beside }), binding(io));
  } catch (error) {
    io.err(`${file}: cannot check: the database could not be read (${(error as Error).message}).`);
    return 2;
  }
  if (result.ok) {
    const signed = keys.length || beside.length ? `, ${result.signed} signatures checked` : '';
    io.out(`${file}: audit log OK (${result.entries} entries${signed}).`);
    for (const note of result.notes) io.out(`  note: ${note}`);
    return 0;
  }
  io.err(result.seq === null ? `${file}: audit log tampered with: ${result.reason}.` : `${file}: audit log broken at entry ${result.seq}: ${result.reason}.`);
  return 1;
}

/**
 * Prints the amending law of a package in a workbench database (`--package` is its id or its
 * title), as the documents view shows it: every act the package amends, in one language.
 */
export function packageInstructions(which: string, db: string | undefined, lang: Lang | undefined, io: CliIO): number {
  const file = db ?? defaultDatabaseFile();
  if (!existsSync(file)) {
    io.err(`${file}: no workbench database there. Start the app once (it creates it), or name one with --db <file>.`);
    return 2;
  }
  const store = createStore(openDatabase(file, binding(io)));
  try {
    const ctx = createServiceContext(store);
    const packages = store.packages.list();
    const pkg = packages.find((p) => p.id === which) ?? packages.find((p) => p.title === which);
    if (!pkg) {
      io.err(`No package "${which}" in ${file}. Its packages: ${packages.map((p) => `${p.id} «${p.title}»`).join(', ') || 'none'}.`);
      return 2;
    }
    const first = store.versions.listByPackage(pkg.id).map((v) => store.works.getExpression(v.expressionId)?.lang).find((l): l is Lang => l !== undefined);
    const docs = packageDocuments(ctx, pkg.id, lang ?? first ?? 'ru');
    if (!docs.lawText) {
      io.err(`«${pkg.title}» changes nothing${lang ? ` in ${lang}` : ''} yet.`);
      return 1;
    }
    io.out(docs.lawText.replace(/\n$/, ''));
    return 0;
  } catch (error) {
    if (error instanceof StoreError || error instanceof InstructionError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  } finally {
    store.close();
  }
}
