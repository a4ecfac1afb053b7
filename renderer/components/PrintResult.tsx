import type { PrintOutcomeView } from '../../electron/contract';
import { Bilingual, useBoth } from './Bilingual';

/** Which calm words say why a print did not come out. */
const REASON: Record<string, string> = { PRINTER_OFFLINE: 'print.reasonOffline', PRINTER_OUT_OF_PAPER: 'print.reasonPaper' };

/**
 * What became of a print, in both languages, for the kiosk and the counter alike: printing, on
 * paper, or kept with what to do next (the citizen goes to the counter; the officer reprints).
 * Nothing when the document was not sent to a printer (it was saved as a PDF).
 */
export function PrintResult({ printing = false, outcome, audience }: { printing?: boolean; outcome: PrintOutcomeView | null | undefined; audience: 'kiosk' | 'counter' }) {
  const both = useBoth();
  if (printing) {
    return (
      <div className="notice print-result" role="status">
        <Bilingual as="p" text={both('print.printing')} />
      </div>
    );
  }
  if (!outcome) return null;
  if (outcome.status === 'printed') {
    return (
      <div className="notice print-result" role="status">
        <Bilingual as="p" text={both('print.printed')} />
        {audience === 'counter' && <Bilingual as="p" text={both('print.printedOn', { printer: outcome.printer })} />}
      </div>
    );
  }
  return (
    <div className="warning print-result" role="alert">
      <Bilingual as="p" text={both(REASON[outcome.error.code] ?? 'print.reasonFailed')} />
      <Bilingual as="p" text={both(audience === 'kiosk' ? 'print.keptKiosk' : 'print.keptCounter')} />
    </div>
  );
}
