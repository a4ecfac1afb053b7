import type { ComponentProps } from 'react';

type Variant = 'primary' | 'secondary' | 'quiet';

/** Touch-sized button (at least 64 px tall on the kiosk). */
export function Button({ variant = 'primary', className = '', ...props }: ComponentProps<'button'> & { variant?: Variant }) {
  return <button type="button" className={`btn btn-${variant} ${className}`.trim()} {...props} />;
}
