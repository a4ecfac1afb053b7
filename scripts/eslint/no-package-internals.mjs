// A local ESLint rule: no module of another package but its public entry points. A package that
// has an "exports" map names them; one without has only its main module (and its package.json);
// the programs of its "bin" are public too.
// So `qrcode/lib/core/utils`, `pdf-lib/cjs/...` or `@pdf-lib/fontkit/dist/...` are refused,
// while `react-dom/client` (exported) passes. An entry point a package documents without an
// exports map is listed in the rule's `allow` option, with the reason beside it.
import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, parse } from 'node:path';

/** A bare specifier's package and the path inside it ('' for its main module); nothing for relative paths, URLs and Node's modules. */
export function splitSpecifier(specifier) {
  if (/^(\.|\/|[a-z][a-z0-9+.-]*:)/i.test(specifier) || isBuiltin(specifier)) return undefined;
  const parts = specifier.split('/');
  const length = specifier.startsWith('@') ? 2 : 1;
  return { name: parts.slice(0, length).join('/'), subpath: parts.slice(length).join('/') };
}

const manifests = new Map();
/** The package.json of `name` as Node would find it from `dir` (nearest node_modules up), or null. */
function manifest(name, dir) {
  for (let at = dir; ; at = dirname(at)) {
    const file = join(at, 'node_modules', name, 'package.json');
    if (!manifests.has(file)) {
      try {
        manifests.set(file, JSON.parse(readFileSync(file, 'utf8')));
      } catch {
        manifests.set(file, null);
      }
    }
    if (manifests.get(file)) return manifests.get(file);
    if (at === parse(at).root) return null;
  }
}

/** Whether an exports map names `./subpath`, exactly, by a `*` pattern or by a folder ending in '/'. */
function exported(exportsField, subpath) {
  if (typeof exportsField !== 'object' || exportsField === null || Array.isArray(exportsField)) return false;
  const wanted = `./${subpath}`;
  return Object.entries(exportsField).some(([key, target]) => {
    if (target === null || !key.startsWith('.')) return false;
    if (key === wanted || (key.endsWith('/') && wanted.startsWith(key))) return true;
    const star = key.indexOf('*');
    return star >= 0 && wanted.startsWith(key.slice(0, star)) && wanted.endsWith(key.slice(star + 1)) && wanted.length >= key.length - 1;
  });
}

/** Whether `subpath` is one of the package's programs ("bin"): a command is public too. */
function isProgram(bin, subpath) {
  const programs = typeof bin === 'string' ? [bin] : Object.values(bin ?? {});
  return programs.some((file) => file.replace(/^\.\//, '') === subpath);
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: "Refuse imports of another package's private modules: only its public entry points." },
    schema: [{ type: 'object', properties: { allow: { type: 'array', items: { type: 'string' } } }, additionalProperties: false }],
    messages: {
      private: "'{{specifier}}' reaches into {{name}}'s private files ({{why}}): use its public API, or own the code with its tests.",
    },
  },
  create(context) {
    const allow = new Set(context.options[0]?.allow ?? []);
    const dir = dirname(context.filename);
    // Functions that load a module by name: require, and whatever createRequire made.
    const loaders = new Set(['require']);

    const check = (node, specifier) => {
      if (typeof specifier !== 'string' || allow.has(specifier)) return;
      const split = splitSpecifier(specifier);
      if (!split || split.subpath === '' || split.subpath === 'package.json') return;
      const pkg = manifest(split.name, dir);
      if (pkg && (exported(pkg.exports, split.subpath) || isProgram(pkg.bin, split.subpath))) return;
      const why = !pkg ? 'it is not installed here' : pkg.exports ? 'its package.json "exports" does not name this path' : 'it has no "exports" map, so only its main module is public';
      context.report({ node, messageId: 'private', data: { specifier, name: split.name, why } });
    };
    const isLoader = (callee) =>
      (callee.type === 'Identifier' && loaders.has(callee.name)) ||
      (callee.type === 'CallExpression' && callee.callee.type === 'Identifier' && callee.callee.name === 'createRequire') ||
      (callee.type === 'MemberExpression' && callee.property.type === 'Identifier' && callee.property.name === 'resolve' && isLoader(callee.object));

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      TSImportType: (node) => node.argument?.type === 'TSLiteralType' && check(node.argument, node.argument.literal.value),
      // A hand-written declaration of a private module is the same reach, made to type-check.
      TSModuleDeclaration: (node) => node.id.type === 'Literal' && check(node.id, node.id.value),
      VariableDeclarator: (node) => {
        if (node.id.type === 'Identifier' && node.init?.type === 'CallExpression' && node.init.callee.type === 'Identifier' && node.init.callee.name === 'createRequire') loaders.add(node.id.name);
      },
      CallExpression: (node) => {
        const [first] = node.arguments;
        if (first?.type === 'Literal' && isLoader(node.callee)) check(first, first.value);
      },
    };
  },
};
