import type { LocalizedText } from '../../electron/contract';

/**
 * The bundled form templates (resources/forms/*.json) by the procedure they serve. Written out
 * here so a reminder knows which dossier it can prepare without a round trip; the host remains
 * the judge (`dossier.prepare` answers FORM_UNKNOWN for a form it does not hold).
 */
export const FORMS: readonly { formId: string; procedureCode: string; title: LocalizedText }[] = [
  { formId: 'birth-registration', procedureCode: '1.001193', title: { vi: 'Tờ khai đăng ký khai sinh', en: 'Birth registration declaration' } },
  { formId: 'id-card-cc01', procedureCode: 'CC.CAP-DOI', title: { vi: 'Tờ khai căn cước (CC01)', en: 'Identity card declaration (CC01)' } },
  { formId: 'passport-tk01', procedureCode: 'HC.CAP-TRONG-NUOC', title: { vi: 'Tờ khai đề nghị cấp hộ chiếu phổ thông (TK01)', en: 'Ordinary passport application (TK01)' } },
  { formId: 'residence-ct01', procedureCode: 'CT.DK-THUONG-TRU', title: { vi: 'Tờ khai thay đổi thông tin cư trú (CT01)', en: 'Residence information change declaration (CT01)' } },
  {
    formId: 'health-insurance-child-tk1ts',
    procedureCode: 'BHYT.TRE-EM-DUOI-6',
    title: { vi: 'Tờ khai tham gia BHYT cho trẻ dưới 6 tuổi (TK1-TS)', en: 'Health insurance for a child under 6 (TK1-TS)' },
  },
];

/**
 * Procedure codes of the rule packs (resources/rules/*.json) that differ from the form's own:
 * the passport rule names the procedure by another code, and the Decree 63/2024 newborn bundle
 * starts with the birth registration declaration.
 */
export const PROCEDURE_ALIASES: Readonly<Record<string, string>> = {
  'XNC.HO-CHIEU': 'passport-tk01',
  'LT.KS-TT-BHYT': 'birth-registration',
};

/** The form that prepares the dossier of a procedure, or null where none is bundled. */
export function formForProcedure(procedureCode: string | null): string | null {
  if (procedureCode === null) return null;
  return FORMS.find((f) => f.procedureCode === procedureCode)?.formId ?? PROCEDURE_ALIASES[procedureCode] ?? null;
}
