import type { FormTemplate } from '../contract';
import type { Catalogue } from '../proactive/recommend';

/**
 * The forms a reminder's "prepare the dossier" opens: the template of that procedure, or for a
 * linked bundle (Decree 63/2024's newborn procedures) the template of each of its procedures that
 * has one, in the order the outcome catalogue lists them — one dossier filed once.
 */
export function formsFor(procedureCode: string, templates: ReadonlyMap<string, FormTemplate>, catalogue: Catalogue): string[] {
  const byCode = (code: string) => [...templates.values()].find((t) => t.procedureCode === code)?.id ?? null;
  const direct = byCode(procedureCode);
  if (direct) return [direct];
  const bundle = catalogue.outcomes.flatMap((o) => o.options).find((o) => o.procedureCodes[0] === procedureCode && o.procedureCodes.length > 1);
  return (bundle?.procedureCodes.slice(1) ?? []).map(byCode).filter((id): id is string => id !== null);
}

