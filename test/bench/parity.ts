// `npm run bench`'s parity part: the 2.3 MB synthetic code in both official languages (the same
// structure and numbers in each, as parallel texts have them), a package amending both. Timed as
// ratios against a baseline in the same run: a structural save that is made in the other
// language too, against the same save in a package of one language; a save of words (not made
// in the other language) likewise; and the package's parity, which the app reads after each save.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServiceContext, type ServiceContext } from '../../electron/services/context';
import { saveDraft } from '../../electron/services/drafts';
import { createPackage } from '../../electron/services/packages';
import { packageParity } from '../../electron/services/parity';
import { prepareDraftSave } from '../../electron/services/versions';
import { openDatabase } from '../../electron/store/database';
import { createStore } from '../../electron/store/store';
import { connectionOf } from '../../electron/store/connection';
import { lawToRows, walkProvisions, type Lang, type LawDoc, type ProvisionRow } from '../../shared/law';
import { syntheticCode } from './synthetic';

/** What the parity part measured (ms; the ratios are bilingual over one language). */
export interface ParityFigures {
  units: number;
  structuralSaveMs: number;
  structuralSaveOneLanguageMs: number;
  wordSaveMs: number;
  wordSaveOneLanguageMs: number;
  parityMs: number;
  findings: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/**
 * The code with its references taken out, so that its "Kazakh" copy (the same words: the bench is
 * about sizes, not translation) has the same facts as its Russian one and no finding stops the
 * parity at the units: the two amending laws are compared too, as for texts in step.
 */
function parallelCode(): LawDoc {
  const code = syntheticCode(1000, 1);
  walkProvisions(code.body, (u) => void (u.text = u.text.replace(/(стать|пункт|подпункт|глав|раздел)[а-яё]*\s+\d[\d-]*\)?/giu, 'норм')));
  return code;
}

function seed(ctx: ServiceContext, code: LawDoc, langs: readonly Lang[]): string[] {
  const { store } = ctx;
  const now = ctx.now();
  const versions: string[] = [];
  store.transaction(() => {
    const workId = ctx.newId();
    store.works.insertWork({ id: workId, slug: `parity-code-${langs.join('-')}`, kind: 'code', date: '2025-01-01', number: '1-VIII', illustrative: true, modeledOn: 'the parity benchmark' });
    for (const lang of langs) {
      const expressionId = ctx.newId();
      store.works.insertExpression({ id: expressionId, workId, lang, title: `Кодекс (${lang})` });
      const versionId = ctx.newId();
      store.versions.insert({ id: versionId, expressionId, status: 'in_force', inForceFrom: '2025-01-01', packageId: null, baseVersionId: null, revision: 0, createdAt: now, updatedAt: now });
      // The same uids in both languages: the texts of one law share their units.
      store.provisions.apply(versionId, { upserts: lawToRows({ ...code, lang }), deletes: [] });
      versions.push(versionId);
    }
  });
  return versions;
}

/** Times the saves and the parity on a package of both languages and, for the baseline, of one. */
export function measureParity(check: (ok: unknown, what: string) => void): ParityFigures {
  const dir = mkdtempSync(join(tmpdir(), 'zan-bench-parity-'));
  const ctx = createServiceContext(createStore(openDatabase(join(dir, 'zan.sqlite'))));
  try {
    const code = parallelCode();
    const both = createPackage(ctx, { title: 'Оба языка', baseVersionIds: seed(ctx, code, ['ru', 'kk']) });
    const one = createPackage(ctx, { title: 'Один язык', baseVersionIds: seed(ctx, code, ['ru']) });
    const draftOf = (pkg: typeof both, lang: Lang) => pkg.drafts.find((d) => d.lang === lang)?.versionId as string;
    const runs = 5;
    // One save each round: a paragraph added after the first of article `i` (structural), or words added to it.
    const timeSaves = (versionId: string, structural: boolean) => {
      prepareDraftSave(ctx, versionId);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const rows = ctx.store.provisions.load(versionId);
        // Articles whose units are numbered paragraphs (a new one after the first takes N-1).
        const numbered = new Set(rows.filter((r) => r.kind === 'paragraph').map((r) => r.parentUid));
        const articles = rows.filter((r) => r.kind === 'article' && numbered.has(r.uid));
        const article = articles[10 + i * 37] as ProvisionRow;
        const first = rows.filter((r) => r.parentUid === article.uid && r.kind === 'paragraph').sort((a, b) => a.ord - b.ord)[0] as ProvisionRow;
        const revision = ctx.store.versions.get(versionId)?.revision ?? 0;
        const upserts = structural
          ? [...rows.filter((r) => r.parentUid === article.uid && r.ord > first.ord).map((r) => ({ ...r, ord: r.ord + 1 })), { ...first, uid: ctx.newId(), ord: first.ord + 1, num: `${first.num}-1`, text: 'Новая норма.' }]
          : [{ ...first, text: `${first.text} Дополнение ${i}.` }];
        const t = performance.now();
        saveDraft(ctx, { versionId, revision, upserts, deletes: [] }, { mirror: true });
        times.push(performance.now() - t);
      }
      return median(times);
    };
    const structuralSaveMs = timeSaves(draftOf(both, 'ru'), true);
    const structuralSaveOneLanguageMs = timeSaves(draftOf(one, 'ru'), true);
    const wordSaveMs = timeSaves(draftOf(both, 'ru'), false);
    const wordSaveOneLanguageMs = timeSaves(draftOf(one, 'ru'), false);
    check(ctx.store.provisions.load(draftOf(both, 'kk')).filter((r) => r.text === '' && r.kind !== 'article').length >= runs, 'each new paragraph is made in the Kazakh draft too');
    const parityRuns: number[] = [];
    let findings = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      findings = packageParity(ctx, both.id).count;
      parityRuns.push(performance.now() - t);
    }
    // The new units wait for their translation; the words added in Russian only are changed in one language.
    check(findings >= runs * 2, 'the parity finds the new units to translate and the words changed in Russian only');
    return { units: ctx.store.provisions.load(draftOf(both, 'kk')).length, structuralSaveMs, structuralSaveOneLanguageMs, wordSaveMs, wordSaveOneLanguageMs, parityMs: median(parityRuns), findings };
  } finally {
    connectionOf(ctx.store).close();
    rmSync(dir, { recursive: true, force: true });
  }
}
