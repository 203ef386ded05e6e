import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceContext } from '../../electron/services/context';
import { importLaw } from '../../electron/services/import';
import { listLibrary } from '../../electron/services/library';
import { TEST_CORPUS } from '../electron/harness';

/** A later text of the test law imported on a desktop: the grant defined anew, article 19 in force on another day. */
export function importLaterText(ctx: ServiceContext, inForceFrom = '2026-01-01'): string {
  const law = readFileSync(join(TEST_CORPUS, 'test-law/ru.txt'), 'utf8')
    .replace('9) грант – средства на исследования;', '9) грант – средства на научные исследования и разработки;')
    .replace('вводится в действие по истечении десяти календарных дней', 'вводится в действие по истечении двадцати календарных дней');
  const workId = listLibrary(ctx).find((w) => w.slug === 'test-law')!.workId;
  return importLaw(ctx, { name: `v-${inForceFrom}.txt`, bytes: new TextEncoder().encode(law), target: { kind: 'version', workId, inForceFrom } }).versionId;
}
