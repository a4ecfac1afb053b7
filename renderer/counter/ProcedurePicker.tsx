import { useEffect, useId, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureEntry } from '../../electron/contract';
import { currentLanguage } from '../i18n';
import { api } from '../transport';
import { SHORTCUTS } from './shortcuts';

/** Procedures listed under the search field once typed into: enough to pick from, short enough to fit. */
const SHOWN = 6;

/**
 * The walk-in starts from the procedure, not the form: the officer types a few words (accents
 * optional), arrows through the procedures this machine has a form for, and Enter prepares that
 * form for that procedure (CT01 for a temporary-residence extension goes as that, not as a
 * permanent-residence registration).
 */
export function ProcedurePicker({ inputRef, disabled, onPick }: { inputRef: Ref<HTMLInputElement>; disabled: boolean; onPick: (formId: string, procedure: { code: string; name: string }) => void }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n.language);
  const id = useId();
  const [query, setQuery] = useState('');
  const [entries, setEntries] = useState<ProcedureEntry[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    let current = true;
    void api.invoke('procedures.search', { query, lifeEvent: null }).then((r) => {
      if (!current || !r.ok) return;
      setEntries(r.value.entries.filter((e) => e.forms.length > 0).slice(0, SHOWN));
      setActive(0);
    });
    return () => {
      current = false;
    };
  }, [query]);

  const pick = (entry: ProcedureEntry | undefined) => {
    if (!entry || disabled) return;
    setOpen(false);
    onPick(entry.forms[0]!.formId, { code: entry.code, name: entry.name[lang] });
  };
  const listId = `${id}-list`;
  const shown = open && entries.length > 0;
  return (
    <div className="counter-procedure">
      <label htmlFor={`${id}-q`}>
        {t('walkIn.procedure')} <kbd aria-hidden="true">{SHORTCUTS.procedure}</kbd>
      </label>
      <input
        id={`${id}-q`}
        ref={inputRef}
        type="search"
        role="combobox"
        aria-keyshortcuts={SHORTCUTS.procedure}
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown ? `${id}-o${active}` : undefined}
        autoComplete="off"
        placeholder={t('walkIn.procedureHint')}
        maxLength={100}
        value={query}
        onBlur={() => setOpen(false)}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : entries.length - 1)) % Math.max(entries.length, 1));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            pick(entries[active]);
          } else if (e.key === 'Escape') setOpen(false);
        }}
      />
      <ul id={listId} role="listbox" aria-label={t('walkIn.procedure')} hidden={!shown}>
        {entries.map((entry, i) => (
          <li
            key={entry.code}
            id={`${id}-o${i}`}
            role="option"
            aria-selected={i === active}
            // Chosen with the mouse without first blurring the field (which would close the list).
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(entry)}
          >
            <strong>{entry.name[lang]}</strong> <span className="hint">{entry.forms.map((f) => f.formNumber).join(', ')}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
