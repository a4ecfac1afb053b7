import { execFile } from 'node:child_process';

/** Print queues CUPS knows (`lpstat -e`); an absent CUPS client is reported, not thrown. */
export function listPrinters(): Promise<{ found: string[]; error?: string }> {
  return new Promise((resolve) => {
    execFile('lpstat', ['-e'], { timeout: 3000 }, (error, stdout) => {
      const found = stdout.split('\n').map((l) => l.trim()).filter(Boolean);
      if (error && found.length === 0) {
        const code = (error as NodeJS.ErrnoException).code;
        resolve({ found, error: code === 'ENOENT' ? 'lpstat not found (CUPS client not installed)' : error.message.split('\n')[0]! });
      } else resolve({ found });
    });
  });
}
