import type { ChannelInput, ScanResult } from '../../electron/contract';

/**
 * A scanned ID card as `citizen.open` takes it; null for anything else. The name and address are
 * left out when the scanner typed ASCII only (keyboard mode): without diacritics they are wrong.
 */
export function cardCitizen(result: ScanResult): ChannelInput<'citizen.open'> | null {
  if (result.kind !== 'identity' || !result.identity.birthDate) return null;
  const { personalNumber, birthDate, issueDate, fullName, address } = result.identity;
  const exact = !result.asciiOnly;
  return {
    personalNumber,
    birthDate,
    ...(issueDate ? { cardIssueDate: issueDate } : {}),
    ...(exact && fullName ? { fullName } : {}),
    ...(exact && address ? { address } : {}),
    source: 'card',
  };
}
