import { describe, expect, it } from 'vitest';
import { parseJobIds, parseLpstat, parseRequestId } from '../../electron/print/print-cups-parse';

/** `LC_ALL=C lpstat -l -p -a -d` as CUPS 2.4 prints it: one idle default, one printing, one disabled out of paper. */
const LPSTAT = `printer Laser-A4 is idle.  enabled since Mon Nov 23 18:28:03 2026
\tForm mounted:
\tContent types: any
\tAlerts: none
\tConnection: direct
printer Slip80 now printing Slip80-12.  enabled since Mon Nov 23 18:29:00 2026
\tAlerts: none
printer Old disabled since Mon Nov 23 18:28:35 2026 -
\tMedia tray empty
\tAlerts: media-empty-error paused
Laser-A4 accepting requests since Mon Nov 23 18:28:03 2026
Slip80 accepting requests since Mon Nov 23 18:29:00 2026
Old not accepting requests since Mon Nov 23 18:28:35 2026 -
\tRejecting Jobs
system default destination: Laser-A4
`;

describe('CUPS output parsers', () => {
  it('reads each queue with its state, alerts, whether it accepts jobs, and the default', () => {
    expect(parseLpstat(LPSTAT)).toEqual({
      defaultPrinter: 'Laser-A4',
      printers: [
        { name: 'Laser-A4', state: 'idle', accepting: true, isDefault: true, alerts: [] },
        { name: 'Slip80', state: 'printing', accepting: true, isDefault: false, alerts: [] },
        { name: 'Old', state: 'disabled', accepting: false, isDefault: false, alerts: ['media-empty-error', 'paused'] },
      ],
    });
  });

  it('no queue and no default: an empty list', () => {
    expect(parseLpstat('no system default destination\n')).toEqual({ printers: [], defaultPrinter: null });
  });

  it('takes the job id from lp and the queued ids from lpstat -o', () => {
    expect(parseRequestId('request id is MotCuaPDF-12 (1 file(s))\n')).toBe('MotCuaPDF-12');
    expect(parseRequestId('lp: Error - The printer or class does not exist.')).toBeNull();
    expect(parseJobIds('Slip80-12   root   14336   Mon Nov 23 18:28:16 2026\nSlip80-13   root   100   Mon Nov 23 18:28:17 2026\n')).toEqual(['Slip80-12', 'Slip80-13']);
  });
});
