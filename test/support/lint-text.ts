import { ESLint, type Linter } from 'eslint';

/**
 * The repository's ESLint config (the one `npm run lint` uses) for code that is in no file: the
 * type-aware rules are turned off, as the TypeScript project service only knows files on disk.
 */
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/switch-exhaustiveness-check': 'off' },
  },
});

/** The messages of the given rules on `code` as if it were the file `filePath`; code that does not parse throws. */
export async function lintMessages(filePath: string, code: string, ruleIds: string[]): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const fatal = result!.messages.find((m: Linter.LintMessage) => m.fatal);
  if (fatal) throw new Error(`${filePath}: ${fatal.message}`);
  return result!.messages.filter((m) => m.ruleId !== null && ruleIds.includes(m.ruleId)).map((m) => m.message);
}
