import type { SourceBlock } from '../../../shared/import';
import { ImportError, type ImportLimits } from './limits';

/**
 * Collects the paragraphs a reader finds, within the limits on paragraph length and count. A
 * paragraph holding line breaks becomes one block per line (an абзац each).
 */
export class BlockCollector {
  readonly blocks: SourceBlock[] = [];

  constructor(
    private readonly file: string,
    private readonly limits: ImportLimits,
  ) {}

  add(text: string, where: string, extra: Omit<SourceBlock, 'text' | 'where'> = {}): void {
    for (const line of text.split('\n')) {
      if (line.length > this.limits.maxBlockChars) {
        throw new ImportError('LIMIT', this.file, `${where} is ${line.length} characters long (limit maxBlockChars = ${this.limits.maxBlockChars}).`, 'maxBlockChars');
      }
      if (!line.trim()) continue;
      if (this.blocks.length >= this.limits.maxBlocks) {
        throw new ImportError('LIMIT', this.file, `it has more than ${this.limits.maxBlocks} paragraphs (limit maxBlocks).`, 'maxBlocks');
      }
      this.blocks.push({ text: line, where, ...extra });
    }
  }
}
