import { alignTexts } from '../../shared/bilingual/align';
import { oneLanguageFindings, textFindings, type ParityFinding } from '../../shared/bilingual/findings';
import { statementFindings } from '../../shared/bilingual/statements';
import { planOperations } from '../../shared/instructions';
import type { Lang } from '../../shared/law';
import { load, type CliIO } from './io';

/**
 * `zan parity --ru <base> <draft> --kk <base> <draft> [--json]`: the findings of a law's two
 * language drafts against each other — structure, numbers, references, units changed in one
 * language only, and the two amending laws' statements. Exit 1 when there is any.
 */
export function parity(pairs: Partial<Record<Lang, [string, string]>>, json: boolean, io: CliIO): number {
  const langs = (Object.keys(pairs) as Lang[]).filter((l) => pairs[l]);
  if (langs.length !== 2) {
    io.err('parity takes two languages: --ru <base> <draft> --kk <base> <draft>.');
    return 2;
  }
  const [la, lb] = langs as [Lang, Lang];
  const read = (lang: Lang) => {
    const [baseFile, draftFile] = pairs[lang] as [string, string];
    const base = load(baseFile, lang, io);
    const draft = typeof base === 'number' ? base : load(draftFile, lang, io);
    return typeof base === 'number' || typeof draft === 'number' ? null : { base: base.parsed, draft: draft.parsed };
  };
  const a = read(la);
  const b = read(lb);
  if (!a || !b) return 2;
  const findings: ParityFinding[] = [
    ...textFindings(alignTexts(a.draft, b.draft)),
    ...oneLanguageFindings(a.base, a.draft, b.base, b.draft),
    ...statementFindings('the act', { lang: la, operations: planOperations(a.base, a.draft) }, { lang: lb, operations: planOperations(b.base, b.draft) }),
  ];
  // The JSON is the contract's: units by eId, as the files name them (the uids and codes are the editor's).
  if (json) io.out(JSON.stringify(findings.map(({ units: _units, code: _code, ...f }) => f), null, 2));
  else io.out(findings.length ? findings.map((f) => `${f.kind}${f.eId ? ` ${f.eId}` : ''}: ${f.message}`).join('\n') : 'No findings: the two texts are in step.');
  return findings.length ? 1 : 0;
}
