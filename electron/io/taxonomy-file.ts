import { readFileSync } from 'node:fs';
import { parseTaxonomy, type GapDefinition } from '../../shared/gaps/taxonomy';

/** Reads a taxonomy JSON file (resources/gaps/default-taxonomy.json ships the default); the error names the file. */
export function readTaxonomyFile(path: string): GapDefinition[] {
  try {
    return parseTaxonomy(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
}
