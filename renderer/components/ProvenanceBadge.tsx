import { PROVENANCE, type FieldSource, type Language } from '../../electron/contract';

/** Where a value comes from: the national database, the ID card or the applicant (the same marks the PDF prints). */
export function ProvenanceBadge({ source, lang }: { source: FieldSource | null; lang: Language }) {
  if (source === null) return null;
  const { mark, label } = PROVENANCE[source];
  return (
    <span className={`prov prov-${source}`}>
      <span className="prov-mark" aria-hidden="true">
        {mark}
      </span>
      <span className="prov-label">{label[lang]}</span>
    </span>
  );
}

export function LockIcon() {
  return (
    <svg className="lock-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5zm-3 5a3 3 0 1 1 6 0v3H9V7zm3 7a2 2 0 0 1 1 3.73V19h-2v-1.27A2 2 0 0 1 12 14z"
      />
    </svg>
  );
}
