export { loadFormTemplates, mergeTemplates, type LoadedTemplates, type RejectedTemplate, type TemplateOrigin } from './template-loader';
export { prefillDraft, missingFields, type MissingField, type PrefillResult } from './prefill';
export type { PrefillSources } from './source-records';
export { editDraftField, requestCorrection, type DraftEdit } from './draft-edit';
export { lockedHash, verifyDraftForSubmission, type SubmissionCheck } from './locked-hash';
