import type { SourceBlock } from '../../../shared/import';
import { BlockCollector } from './blocks';
import { decodeText } from './decode';
import type { ImportLimits } from './limits';

/** A plain-text law (resources/corpus/FORMAT.md, or text copied from the portal): one block per line. */
export function readTextBlocks(bytes: Uint8Array, file: string, limits: ImportLimits, checkTime: () => void): SourceBlock[] {
  const text = decodeText(bytes, file);
  const blocks = new BlockCollector(file, limits);
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((line, i) => {
    if (i % 1000 === 0) checkTime();
    blocks.add(line, `line ${i + 1}`, { line: i + 1 });
  });
  return blocks.blocks;
}
