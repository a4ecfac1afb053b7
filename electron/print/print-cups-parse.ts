import type { PrinterInfo, PrinterList, PrinterState } from './print-types';

/**
 * Parsers of CUPS command output, read under LC_ALL=C (lpstat's messages are translated
 * otherwise). Kept apart from the commands so they are tested on recorded output.
 */

const PRINTER_LINE = /^printer (\S+) (is idle|now printing|disabled)/;
const ACCEPTING_LINE = /^(\S+) (not )?accepting requests/;
const DEFAULT_LINE = /^system default destination: (\S+)/;

const stateOf = (phrase: string): PrinterState => (phrase === 'is idle' ? 'idle' : phrase === 'now printing' ? 'printing' : 'disabled');

/** `lpstat -l -p -a -d`: printers with their state and alerts, who accepts jobs, the default. */
export function parseLpstat(stdout: string): PrinterList {
  const printers = new Map<string, PrinterInfo>();
  const accepting = new Map<string, boolean>();
  let defaultPrinter: string | null = null;
  let current: PrinterInfo | null = null;
  for (const line of stdout.split('\n')) {
    const printer = PRINTER_LINE.exec(line);
    const accepts = ACCEPTING_LINE.exec(line);
    const alerts = /^\s+Alerts:\s*(.*)$/.exec(line);
    if (printer) {
      current = { name: printer[1]!, state: stateOf(printer[2]!), accepting: false, isDefault: false, alerts: [] };
      printers.set(current.name, current);
    } else if (accepts) {
      accepting.set(accepts[1]!, !accepts[2]);
      current = null;
    } else if (alerts && current) {
      current.alerts = alerts[1]!.split(/\s+/).filter((a) => a && a !== 'none');
    } else if (!line.startsWith('\t') && !line.startsWith(' ')) {
      defaultPrinter = DEFAULT_LINE.exec(line)?.[1] ?? defaultPrinter;
      current = null;
    }
  }
  const list = [...printers.values()].map((p) => ({ ...p, accepting: accepting.get(p.name) ?? false, isDefault: p.name === defaultPrinter }));
  return { printers: list, defaultPrinter };
}

/** `lp`'s answer "request id is Queue-12 (1 file(s))" → "Queue-12". */
export const parseRequestId = (stdout: string): string | null => /request id is (\S+-\d+)/.exec(stdout)?.[1] ?? null;

/** `lpstat -o` lines start with the job id. */
export const parseJobIds = (stdout: string): string[] =>
  stdout
    .split('\n')
    .map((line) => /^(\S+-\d+)\s/.exec(line)?.[1])
    .filter((id): id is string => id !== undefined);
