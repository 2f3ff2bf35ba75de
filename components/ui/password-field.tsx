'use client';

import { useEffect, useRef, useState, useSyncExternalStore, type ComponentProps, type ReactNode, type Ref } from 'react';
import { FieldShell } from './field';

type PasswordFieldProps = Omit<ComponentProps<'input'>, 'type'> & { id: string; label: ReactNode; error?: string; hint?: ReactNode };

const noSubscription = () => () => {};

/** Read by screen readers, not shown (the button's name is "Show password", its text "Show"). */
const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

function assignRef<T>(ref: Ref<T> | undefined, value: T | null) {
  if (typeof ref === 'function') ref(value);
  else if (ref) ref.current = value;
}

/**
 * A password input with a "Show password" toggle button next to it: a real `<button type="button">`
 * (keyboard-operable) whose `aria-pressed` says whether the password is shown. Its name stays "Show
 * password" whatever the state, as a toggle button's must (a name that flips to "Hide password"
 * while `aria-pressed` flips too would be read as "Hide password, pressed"); its visible text "Show"
 * is part of that name and looks pressed while the password is shown. The name comes from the
 * button's text, not `aria-label`, so the input stays the only thing labelled "Password". The button
 * exists only once the page runs JavaScript: without it the field simply stays a password field.
 * Submitting the form hides the password again (nothing left on screen; browsers offer to save it).
 */
export function PasswordField({ id, label, error, hint, ref, ...input }: PasswordFieldProps) {
  const [shown, setShown] = useState(false);
  // false on the server and while hydrating, true afterwards: the toggle needs JavaScript to work.
  const interactive = useSyncExternalStore(noSubscription, () => true, () => false);
  const inputRef = useRef<HTMLInputElement | null>(null);

  useEffect(() => {
    const form = inputRef.current?.form;
    if (!form) return;
    const hide = () => setShown(false);
    form.addEventListener('submit', hide);
    return () => form.removeEventListener('submit', hide);
  }, []);

  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      {(describedBy) => (
        <div style={{ display: 'flex', gap: 8, alignItems: 'stretch' }}>
          <input
            id={id}
            type={shown ? 'text' : 'password'}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            // Never offer to correct or capitalise a shown password.
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            style={{ flex: 1, minWidth: 0 }}
            {...input}
            ref={(element) => {
              inputRef.current = element;
              assignRef(ref, element);
            }}
          />
          {interactive ? (
            <button
              type="button"
              className="button button-secondary"
              aria-pressed={shown}
              aria-controls={id}
              // Pressed in while the password is shown.
              style={shown ? { background: '#dbeafe', color: 'var(--accent-dark)', boxShadow: 'inset 0 2px 4px rgba(0, 0, 0, 0.25)' } : undefined}
              onClick={() => setShown((value) => !value)}
            >
              Show<span style={visuallyHidden}> password</span>
            </button>
          ) : null}
        </div>
      )}
    </FieldShell>
  );
}
