import { detectLaw, type DetectedLaw, type DetectOptions, type SourceBlock } from './detect';

/** The lines of a plain text as blocks of the one reader, each naming its line. */
export function textBlocks(text: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim()) blocks.push({ text: line, where: `line ${i + 1}`, line: i + 1 });
    });
  return blocks;
}

/**
 * Reads a law from plain text — the canonical format (resources/corpus/FORMAT.md) or a text copied
 * from the portal, indented, with ASCII quotes, notes and an act line — through the same reader
 * as every other format (detectLaw), with what it found and every warning. A line in capitals
 * is a title only above an act line (DetectOptions.plainText).
 */
export function readLawText(text: string, options: DetectOptions = {}): DetectedLaw {
  return detectLaw(textBlocks(text), { plainText: true, ...options });
}
