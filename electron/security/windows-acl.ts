import { execFileSync } from 'node:child_process';
import { userInfo } from 'node:os';

/** Runs a program with arguments and no shell; throws when it fails (icacls exits non-zero). */
export type CommandRunner = (file: string, args: readonly string[]) => void;

export const runCommand: CommandRunner = (file, args) => void execFileSync(file, [...args], { windowsHide: true, stdio: 'ignore' });

/** BUILTIN\Administrators by its well-known SID, so a Vietnamese or English Windows names it alike. */
const ADMINISTRATORS = '*S-1-5-32-544';

/** The account the app runs as (the service account on a kiosk), DOMAIN\user when Windows gives a domain. */
export function currentAccount(env: NodeJS.ProcessEnv = process.env): string {
  const user = userInfo().username;
  return env.USERDOMAIN ? `${env.USERDOMAIN}\\${user}` : user;
}

/**
 * The icacls commands that make a folder the account's and the Administrators' only: the folder's
 * own entries reset, inheritance from its parent removed (`/inheritance:r`), full control granted to
 * those two for the folder and, inherited, everything in it; then what is already inside is reset to
 * inherit only that.
 */
export function ownerOnlyAclCommands(dir: string, account: string): string[][] {
  const grant = (who: string) => `${who}:(OI)(CI)F`;
  return [
    [dir, '/reset', '/C', '/Q'],
    [dir, '/inheritance:r', '/grant:r', grant(account), grant(ADMINISTRATORS), '/C', '/Q'],
    [`${dir}\\*`, '/reset', '/T', '/C', '/Q'],
  ];
}

/** Applies them with icacls (the step for what is inside only when there is something: icacls fails on a wildcard that matches nothing). */
export function applyOwnerOnlyAcl(dir: string, options: { account: string; run: CommandRunner; hasEntries: boolean }): void {
  const [reset, restrict, inside] = ownerOnlyAclCommands(dir, options.account);
  for (const args of options.hasEntries ? [reset!, restrict!, inside!] : [reset!, restrict!]) options.run('icacls', args);
}
