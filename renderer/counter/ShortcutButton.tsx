import { useEffect, useImperativeHandle, useRef, type ComponentProps } from 'react';
import { Button } from '../components/Button';
import { matchesShortcut } from './shortcuts';

type Props = ComponentProps<'button'> & { variant?: 'primary' | 'secondary' | 'quiet'; shortcut: string };

/**
 * A counter button with its key shown on it ("Alt+G", "F2"): the key presses it from anywhere on
 * the page while it is shown and enabled. The key is announced through aria-keyshortcuts, so the
 * visible hint stays out of the button's accessible name.
 */
export function ShortcutButton({ shortcut, children, ref: outer, ...props }: Props) {
  const ref = useRef<HTMLButtonElement>(null);
  useImperativeHandle(outer, () => ref.current!, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const button = ref.current;
      if (!button || button.disabled || !matchesShortcut(e, shortcut)) return;
      e.preventDefault();
      button.focus();
      button.click();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shortcut]);
  return (
    <Button ref={ref} aria-keyshortcuts={shortcut} {...props}>
      {children}
      <kbd aria-hidden="true">{shortcut}</kbd>
    </Button>
  );
}
