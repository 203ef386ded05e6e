/** Where the Electron build of better-sqlite3 lives, relative to the project root. */
export function electronBindingRelPath(electronVersion: string, platform: string, arch: string): string;
/** The NODE_MODULE_VERSION a native addon was compiled for, or null. */
export function moduleAbiOf(binary: Uint8Array): number | null;
/** The environment for building against Electron's headers (npm's nodedir and friends removed). */
export function electronBuildEnv(env: Record<string, string | undefined>, electronVersion: string, arch: string): Record<string, string | undefined>;
/** Whether ELECTRON_SKIP_BINARY_DOWNLOAD asks not to prepare Electron at all. */
export function skipRequested(env: Record<string, string | undefined>): boolean;
