import { writeFileSync } from 'node:fs';
import type { Lang } from '../../shared/law';
import { comparativeTableHtml, TABLE_WORDS } from '../../shared/table/comparative';
import { amendingLawDocx } from '../io/law-docx';
import { comparativeTableDocx } from '../io/table-docx';
import { StoreError } from '../store/errors';
import type { ServiceContext } from './context';
import { packageDocuments } from './documents';
import { packageCoverage } from './gaps';
import { coverageCsv, coverageHtml } from '../../shared/gaps/report';

/** Asks where to save a file (a dialog the user sees, in the app); null when they cancel. */
export type ChooseSavePath = (suggestedName: string, format: 'docx' | 'html' | 'csv' | 'json') => Promise<string | null>;

/** What the user asked to export. */
export interface ExportRequest {
  packageId: string;
  lang: Lang;
  document: 'law' | 'table' | 'coverage';
  format: 'docx' | 'html' | 'csv';
}

/**
 * Exports the amending law or the comparative table of a package to a file the user chose. Files
 * are written only in the main process and only where a dialog put them. Returns the path, or null
 * when the user cancelled.
 */
export async function exportPackageDocument(ctx: ServiceContext, request: ExportRequest, choose: ChooseSavePath): Promise<{ path: string | null }> {
  const docs = packageDocuments(ctx, request.packageId, request.lang);
  if (!docs.languages.includes(request.lang)) throw new StoreError('NOT_FOUND', `The package has no text in ${request.lang}.`);
  if (request.document === 'coverage' ? request.format === 'docx' : request.format === 'csv') {
    throw new StoreError('INVALID_INPUT', `The ${request.document} is not exported as ${request.format}.`);
  }
  const names = { law: { ru: 'Проект закона', kk: 'Заң жобасы', en: 'Draft law' }, coverage: { ru: 'Покрытие пробелов', kk: 'Олқылықтарды қамту', en: 'Gap coverage' } };
  const base = request.document === 'table' ? TABLE_WORDS[request.lang].title : names[request.document][request.lang];
  const path = await choose(`${base} (${request.lang}).${request.format}`, request.format);
  if (!path) return { path: null };
  let content: string | Buffer;
  if (request.document === 'coverage') {
    const c = packageCoverage(ctx, request.packageId);
    const input = { title: docs.title, perGap: c.perGap, amendments: c.amendments, uncoveredGaps: c.uncoveredGaps, gapNames: new Map(ctx.store.gaps.list().map((g) => [g.code, g.names[request.lang]])) };
    content = request.format === 'csv' ? coverageCsv(input, request.lang) : coverageHtml(input, request.lang);
  } else if (request.document === 'table') content = request.format === 'docx' ? await comparativeTableDocx(docs.table, request.lang, docs.title) : comparativeTableHtml(docs.table, request.lang, docs.title);
  else if (request.format === 'docx') content = await amendingLawDocx(docs.title, docs.lawText);
  else content = `<!doctype html><meta charset="utf-8"><title>${escape(docs.title)}</title><h1>${escape(docs.title)}</h1>${docs.lawText.split('\n').map((l) => `<p>${escape(l)}</p>`).join('')}`;
  writeFileSync(path, content);
  return { path };
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
