import type { AssuranceLevel } from '../../electron/contract';
import { Bilingual, useBoth } from './Bilingual';

/** The levels that release nothing from the centre: the card-only service. */
export const isCardOnly = (level: AssuranceLevel): boolean => level === 'typed' || level === 'qr';

/** How the citizen of this turn was identified, in both languages (kiosk and counter). */
export function AssuranceBadge({ level }: { level: AssuranceLevel }) {
  const both = useBoth();
  const label = both('assurance.label');
  return (
    <p className={`assurance assurance-${level}`} data-assurance={level}>
      <span className="assurance-label">
        {label.vi} / {label.en}:
      </span>{' '}
      <Bilingual text={both(`assurance.${level}`)} />
    </p>
  );
}

interface CardOnlyProps {
  onConfirmPhone?: () => void;
  /** Offered where this machine has a chip reader. */
  onReadChip?: () => void;
  readingChip?: boolean;
}

/** Why a typed number or the QR gets the card-only service, and how to get more; kind, not alarming. */
export function CardOnlyNote({ onConfirmPhone, onReadChip, readingChip = false }: CardOnlyProps) {
  const both = useBoth();
  return (
    <div className="notice card-only" role="note">
      <Bilingual as="p" text={both('assurance.cardOnly')} />
      <Bilingual as="p" text={both('assurance.howMore')} />
      {onReadChip && (
        <button type="button" className="btn btn-primary btn-read-chip" disabled={readingChip} onClick={onReadChip}>
          <Bilingual text={both(readingChip ? 'assurance.readingChip' : 'assurance.readChip')} />
        </button>
      )}{' '}
      {onConfirmPhone && (
        <button type="button" className="btn btn-primary btn-confirm-phone" onClick={onConfirmPhone}>
          <Bilingual text={both('assurance.confirmPhone')} />
        </button>
      )}
    </div>
  );
}
