/** A wrong-way import found by checkLayers. */
export interface LayerViolation {
  /** The dependency-cruiser rule it breaks (.dependency-cruiser.mjs). */
  rule: string;
  /** The importing file, relative to the root. */
  from: string;
  /** The module it reaches, relative to the root (a package as its file in node_modules). */
  to: string;
  /** The import as written (`node:fs`, `electron`, `../ipc/handlers`). */
  spec: string;
  /** Why the rule exists. */
  comment: string;
}
/** The top-level folders the rules speak of. */
export const LAYERS: string[];
/** The names of the rules. */
export const RULES: string[];
/** Every import under `root` that breaks a layering rule. */
export function checkLayers(root: string): Promise<LayerViolation[]>;
