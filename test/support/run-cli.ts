import { spawn } from 'node:child_process';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The real `motcua` CLI as a child process (through tsx, so no build is needed). */
export function runMotcua(...args: string[]): Promise<CliRun> {
  return runMotcuaWithEnv({}, ...args);
}

/** The CLI with extra environment variables (PCSCLITE_CSOCK_NAME pointing nowhere: a machine without pcscd). */
export function runMotcuaWithEnv(env: Record<string, string>, ...args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/motcua.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}
