import type { FormTemplate, LocalizedText, ProcedureEntry } from '../../contract';
import type { Catalogue } from '../recommend';

/** A synced procedure as the catalogue table holds it. */
export interface ProcedureRecord {
  code: string;
  name: LocalizedText;
  agency: LocalizedText;
  feeVnd: number | null;
  processingDays: number | null;
}

/**
 * One procedure as the kiosk's "look up a procedure" shows it: the catalogue row, its forms and what
 * they list to attach, and from the outcome catalogue its life event, whether it can be done online
 * and, where no form says it, what to bring.
 */
export function procedureEntries(procedures: readonly ProcedureRecord[], templates: Iterable<FormTemplate>, catalogue: Catalogue): ProcedureEntry[] {
  const formsOf = new Map<string, FormTemplate[]>();
  for (const t of templates) for (const code of formProcedures(t)) formsOf.set(code, [...(formsOf.get(code) ?? []), t]);
  const waysOf = new Map<string, { lifeEvent: string; online: boolean; bring: LocalizedText[] }[]>();
  for (const outcome of catalogue.outcomes) {
    for (const option of outcome.options) {
      const online = option.channel === 'online' || option.channel === 'bundle';
      for (const code of option.procedureCodes) waysOf.set(code, [...(waysOf.get(code) ?? []), { lifeEvent: outcome.id, online, bring: option.bring }]);
    }
  }
  return procedures.map((p) => {
    const forms = formsOf.get(p.code) ?? [];
    const ways = waysOf.get(p.code) ?? [];
    const attachments = forms.flatMap((f) => f.attachments.map((a) => a.label));
    return {
      code: p.code,
      name: p.name,
      agency: p.agency,
      feeVnd: p.feeVnd,
      processingDays: p.processingDays,
      lifeEvent: ways[0]?.lifeEvent ?? null,
      online: ways.length === 0 ? null : ways.some((w) => w.online),
      requirements: attachments.length > 0 ? attachments : dedupe(ways.flatMap((w) => w.bring)),
      forms: forms.map((f) => ({ formId: f.id, title: f.title, formNumber: f.formNumber })),
    };
  });
}

/** The procedures a form is filed for: its own, then those that use the same official form. */
export const formProcedures = (t: Pick<FormTemplate, 'procedureCode' | 'alsoFor'>): string[] => [t.procedureCode, ...(t.alsoFor ?? [])];

const dedupe = (texts: LocalizedText[]) => [...new Map(texts.map((t) => [t.vi, t])).values()];
