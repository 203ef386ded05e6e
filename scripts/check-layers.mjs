#!/usr/bin/env node
// Enforces the dependency direction renderer → shared ← electron (../shared/DESIGN.md, "Layout").
// shared/ may import only itself and a short list of pure packages; renderer/ never reaches
// electron/ or Node; electron/ never reaches renderer/. Run: `npm run layers` (part of `npm test`).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Packages shared/ may use: pure TypeScript/JavaScript that needs neither Node, the DOM nor Electron. */
export const SHARED_ALLOWED_PACKAGES = ['zod', 'prosemirror-model', 'prosemirror-transform', 'diff-match-patch'];

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const IMPORT_RE = /(?:\bimport\s+(?:type\s+)?(?:[^'"]*?\sfrom\s+)?|\bexport\s+(?:type\s+)?[^'"]*?\sfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;
const SOURCE_RE = /\.(ts|tsx|mts|cts|js|mjs|jsx)$/;

/** The package name of a bare specifier (`@scope/name/sub` → `@scope/name`). */
function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function* sourceFiles(dir) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) {
    if (name === 'node_modules') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (SOURCE_RE.test(name)) yield path;
  }
}

/** Which layer a path lies in, relative to the project root. */
function layerOf(root, path) {
  const top = relative(root, path).split(sep)[0];
  return top === 'shared' || top === 'renderer' || top === 'electron' ? top : null;
}

/**
 * Returns every import that crosses a layer the wrong way under `root` (a project or a fixture
 * laid out like one), as `{ file, line, spec, reason }`.
 */
export function checkLayers(root) {
  const violations = [];
  for (const layer of ['shared', 'renderer', 'electron']) {
    for (const file of sourceFiles(join(root, layer))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(IMPORT_RE)) {
        const spec = match[1];
        const line = text.slice(0, match.index).split('\n').length;
        const reason = verdict(root, layer, file, spec);
        if (reason) violations.push({ file: relative(root, file), line, spec, reason });
      }
    }
  }
  return violations;
}

function verdict(root, layer, file, spec) {
  if (spec.startsWith('.') || spec.startsWith('/')) {
    const target = layerOf(root, resolve(dirname(file), spec));
    if (layer === 'shared' && target !== 'shared') return 'shared/ imports from outside shared/';
    if (layer === 'renderer' && target === 'electron') return 'renderer/ imports electron/ (use the bridge, window.zan)';
    if (layer === 'electron' && target === 'renderer') return 'electron/ imports renderer/';
    return null;
  }
  const pkg = packageName(spec);
  if (layer === 'shared' && !SHARED_ALLOWED_PACKAGES.includes(pkg)) {
    if (NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(pkg)) return 'shared/ imports a Node module';
    if (pkg === 'electron') return 'shared/ imports electron';
    return `shared/ imports "${pkg}", which is not on the list of pure packages (DOM, Node and native modules stay out)`;
  }
  if (layer === 'renderer' && (pkg === 'electron' || pkg === 'better-sqlite3' || NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(pkg))) {
    return `renderer/ imports "${spec}": the renderer is sandboxed and reaches the main process only through window.zan`;
  }
  return null;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  const violations = checkLayers(root);
  for (const v of violations) console.error(`${v.file}:${v.line}: Bad layering: ${v.reason} ("${v.spec}")`);
  if (violations.length > 0) {
    console.error(`${violations.length} layering violation(s). The rule: renderer → shared ← electron.`);
    process.exit(1);
  }
  console.log('Layers OK: renderer → shared ← electron.');
}
