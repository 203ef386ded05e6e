// The module resolution hook (node:module register): the bare specifier 'electron' resolves to the
// recording stand-in, everything else as Node resolves it.
const STAND_IN = new URL('./electron.mjs', import.meta.url).href;

/** Resolves 'electron' to the stand-in. */
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: STAND_IN, shortCircuit: true };
  return nextResolve(specifier, context);
}
