import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LANGS, parseLaw, type Lang, type LawDoc } from '../../shared/law';

/** The metadata file (`work.json`) of one law of the bundled corpus. */
const workMetaSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  kind: z.enum(['law', 'code']),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  number: z.string().min(1),
  illustrative: z.boolean(),
  modeledOn: z.string().min(1),
  titles: z.partialRecord(z.enum(['ru', 'kk', 'en']), z.string().min(1)),
});

/** Metadata of one corpus law. */
export type WorkMeta = z.infer<typeof workMetaSchema>;

/** One law of the corpus: its metadata and its parsed text in each language it has. */
export interface CorpusWork {
  meta: WorkMeta;
  texts: Partial<Record<Lang, LawDoc>>;
}

/**
 * Reads the corpus folder: one subfolder per law with `work.json` and `ru.txt` / `kk.txt` / `en.txt`
 * in the plain-text law format. Throws an Error naming the file when any of it is malformed, so a
 * broken corpus is found at build time, not by a drafter.
 */
export function readCorpus(dir: string): CorpusWork[] {
  const works: CorpusWork[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const folder = join(dir, entry.name);
    const metaFile = join(folder, 'work.json');
    const parsed = workMetaSchema.safeParse(JSON.parse(readFileSync(metaFile, 'utf8')));
    if (!parsed.success) throw new Error(`${metaFile}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const texts: Partial<Record<Lang, LawDoc>> = {};
    for (const lang of LANGS) {
      const file = join(folder, `${lang}.txt`);
      if (!existsSync(file)) continue;
      if (!parsed.data.titles[lang]) throw new Error(`${metaFile}: no title for ${lang}, but ${lang}.txt exists`);
      try {
        texts[lang] = parseLaw(readFileSync(file, 'utf8'), { lang });
      } catch (error) {
        throw new Error(`${file}: ${(error as Error).message}`);
      }
    }
    if (Object.keys(texts).length === 0) throw new Error(`${folder}: no ru.txt, kk.txt or en.txt`);
    works.push({ meta: parsed.data, texts });
  }
  return works.sort((a, b) => a.meta.slug.localeCompare(b.meta.slug));
}
