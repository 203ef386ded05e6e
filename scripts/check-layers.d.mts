/** A wrong-way import found by checkLayers. */
export interface LayerViolation {
  file: string;
  line: number;
  spec: string;
  reason: string;
}
/** Packages shared/ may import. */
export const SHARED_ALLOWED_PACKAGES: string[];
/** Every import under `root` that crosses a layer the wrong way. */
export function checkLayers(root: string): LayerViolation[];
