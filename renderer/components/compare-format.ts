import type { TFunction } from 'i18next';
import { dayAndDateInWords, type ComparedOptionView, type Language } from '../../electron/contract';

/** 30000 → "30.000 đồng" (vi) or "30,000 VND" (en); nothing to pay → "Miễn phí". */
export function formatVnd(t: TFunction, lng: Language, amount: number): string {
  if (amount === 0) return t('compare.free');
  const digits = String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, lng === 'vi' ? '.' : ',');
  return t('compare.vnd', { amount: digits });
}

/** 2026-12-03 → "thứ Năm, ngày 3 tháng 12 năm 2026" / "Thursday 3 December 2026": the day the citizen can plan on. */
export const formatLongDate = (lng: Language, iso: string): string => dayAndDateInWords(iso)[lng];

export function formatVisits(t: TFunction, visits: number): string {
  return visits === 0 ? t('compare.visits0') : visits === 1 ? t('compare.visits1') : t('compare.visitsN', { count: visits });
}

/** The ranked options first (1 = recommended), then the dominated, then those not open to the citizen; catalogue order otherwise. */
export function displayOrder(options: readonly ComparedOptionView[]): ComparedOptionView[] {
  const group = (o: ComparedOptionView) => (o.rank !== null ? 0 : o.eligible ? 1 : 2);
  return options
    .map((o, i) => ({ o, i }))
    .sort((a, b) => group(a.o) - group(b.o) || (a.o.rank ?? 0) - (b.o.rank ?? 0) || a.i - b.i)
    .map(({ o }) => o);
}

export const PREFERENCES = ['cheapest', 'fastest', 'fewest-visits', 'balanced'] as const;
