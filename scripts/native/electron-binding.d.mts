/** Where the Electron copy of better-sqlite3 lives, relative to the project root. */
export function electronBindingRelPath(electronVersion: string, platform: string, arch: string): string;
/** The NODE_MODULE_VERSION a native addon was compiled for, or null (a Node-API addon has none). */
export function moduleAbiOf(binary: Uint8Array): number | null;
/** Whether a binary is a Node-API addon, tied to no ABI. */
export function isNodeApiAddon(binary: Uint8Array): boolean;
/** The Node-API version better-sqlite3 is built for, from its binding.gyp, or null. */
export function nodeApiVersionOf(bindingGyp: string): number | null;
/** The highest Node-API version an Electron provides, or null when the table does not know it. */
export function electronNodeApi(electronVersion: string): number | null;
/** The binary better-sqlite3 loads by itself: a build/ compiled on purpose, else its prebuilt one. */
export function loadedBinary(pkgDir: string, platform: string, arch: string, musl: boolean): string;
/** What is wrong with a binary for a runtime providing `runtimeNodeApi`, or null. */
export function bindingProblem(binary: Uint8Array, required: number | null, runtimeNodeApi: number | null, runtime: string): string | null;
