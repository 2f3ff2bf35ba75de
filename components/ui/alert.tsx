import type { ReactNode } from 'react';

type AlertProps = { tone?: 'error' | 'success' | 'info'; children: ReactNode; id?: string };

/** A message block; errors are announced assertively, everything else politely. */
export function Alert({ tone = 'info', children, id }: AlertProps) {
  return (
    <div id={id} className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
