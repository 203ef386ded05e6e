#!/usr/bin/env node
// Checks the layering rules of ../.dependency-cruiser.mjs (renderer → shared ← electron; store ←
// services ← ipc, io apart; `electron` only in the glue files) over a project, or over a fixture
// laid out like one, and names the rule each wrong-way import breaks.
// Run: `npm run layers` (part of `npm run check`), or `node scripts/check-layers.mjs <root>`.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise } from 'dependency-cruiser';
import config from '../.dependency-cruiser.mjs';

/** The top-level folders the rules speak of; those a root does not have are skipped. */
export const LAYERS = ['shared', 'renderer', 'electron', 'server'];

/** The names of the rules, in the order .dependency-cruiser.mjs gives them. */
export const RULES = config.forbidden.map((r) => r.name);

/**
 * Every import under `root` that breaks a layering rule, as `{ rule, from, to, spec, comment }`:
 * the importing file and the module it reaches (paths relative to `root`; a package as its file in
 * node_modules), the import as written, and why the rule exists.
 */
export async function checkLayers(root) {
  const dirs = LAYERS.filter((layer) => existsSync(join(root, layer)));
  const result = await cruise(dirs, { ...config.options, baseDir: root, validate: true, ruleSet: { forbidden: config.forbidden } });
  const comments = new Map(config.forbidden.map((r) => [r.name, r.comment]));
  const output = /** @type {import('dependency-cruiser').ICruiseResult} */ (result.output);
  const specs = new Map(output.modules.flatMap((m) => m.dependencies.map((d) => [`${m.source}\0${d.resolved}`, `${d.protocol ?? ''}${d.module}`])));
  return output.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to, spec: specs.get(`${v.from}\0${v.to}`) ?? v.to, comment: comments.get(v.rule.name) ?? '' }));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  const violations = await checkLayers(root);
  for (const v of violations) console.error(`${v.from}: imports "${v.spec}", which breaks ${v.rule}: ${v.comment}`);
  if (violations.length > 0) {
    console.error(`${violations.length} layering violation(s). The rules: .dependency-cruiser.mjs.`);
    process.exit(1);
  }
  console.log('Layers OK: renderer → shared ← electron; store ← services ← ipc, io apart; electron only in the glue files.');
}
