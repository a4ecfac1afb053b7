import { useId, type InputHTMLAttributes } from 'react';

/** A labelled text input with an optional hint read out as its description. */
export function TextField({ label, hint, invalid, ...input }: InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string; invalid?: boolean }) {
  const id = useId();
  return (
    <div className="cfield">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={invalid ?? false} aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
    </div>
  );
}
