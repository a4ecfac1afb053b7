import { describe, expect, it } from 'vitest';
import { lintMessages } from '../support/lint-text';

// Another package's private modules, refused by the same ESLint config `npm run lint` uses.
const internalsErrors = (filePath: string, code: string) => lintMessages(filePath, code, ['local/no-package-internals']);

describe('no deep imports of packages’ private modules', () => {
  it.each([
    ['electron/print/x.ts', "import { M } from 'qrcode/lib/core/error-correction-level';"],
    ['electron/print/x.ts', "import PDFFont from 'pdf-lib/cjs/api/PDFFont';"],
    ['electron/print/x.ts', "import CustomFontEmbedder from 'pdf-lib/es/core/embedders/CustomFontEmbedder';"],
    ['electron/print/x.ts', "import fontkit from '@pdf-lib/fontkit/dist/fontkit.es';"],
    ['electron/print/x.ts', "import fontkit from 'fontkit/src/index';"],
    ['electron/print/x.ts', "export * from 'pdf-lib/cjs/core';"],
    ['electron/print/x.ts', "export async function load() { return import('qrcode/lib/core/utils'); }"],
    ['electron/print/x.ts', "export type Embedder = import('pdf-lib/cjs/core/embedders/CustomFontEmbedder').default;"],
    ['electron/print/x.ts', "declare module 'qrcode/lib/core/utils' { export function getSymbolSize(version: number): number; }"],
    ['electron/host/x.ts', "import { z } from 'zod/lib/types';"],
    ['test/unit/x.test.ts', "import { createRequire } from 'node:module';\nexport const m: unknown = createRequire(import.meta.url)('qrcode/lib/core/mask-pattern');"],
    ['test/unit/x.test.ts', "import { createRequire } from 'node:module';\nconst load = createRequire(import.meta.url);\nexport const v: unknown = load('qrcode/lib/core/version');"],
    ['scripts/x.mjs', "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\nexport const p = require.resolve('pdf-lib/cjs/index.js');"],
  ])('%s may not: %s', async (file, code) => {
    const errors = await internalsErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/reaches into .*'s private files/);
  });

  it.each([
    ['electron/print/x.ts', "import QRCode from 'qrcode';\nimport fontkit from '@pdf-lib/fontkit';\nimport { PDFDocument } from 'pdf-lib';\nexport const all = [QRCode, fontkit, PDFDocument];"],
    ['renderer/x.tsx', "import { createRoot } from 'react-dom/client';\nexport const r = createRoot;"],
    ['vitest.config.mts', "import { defineConfig } from 'vitest/config';\nexport default defineConfig({});"],
    ['test/integration/x.test.ts', "import Ajv2020 from 'ajv/dist/2020';\nexport const a = Ajv2020;"],
    ['electron/host/x.ts', "import { readFile } from 'fs/promises';\nimport { join } from 'node:path';\nexport const f = [readFile, join];"],
    ['scripts/x.mjs', "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\nexport const v = require('electron/package.json').version;\nexport const bin = require.resolve('@doyensec/electronegativity/dist/index.js');"],
  ])('%s may: %s', async (file, code) => {
    expect(await internalsErrors(file, code)).toEqual([]);
  });
});
