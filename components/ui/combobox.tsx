'use client';

import { useEffect, useId, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import styles from './combobox.module.css';

export type ComboboxOption = { value: string; label: string };

type ComboboxProps = {
  id: string;
  /** The form field's name (a hidden input posts the chosen value). */
  name: string;
  label: ReactNode;
  options: readonly ComboboxOption[];
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  /** The options that match the typed text, best first (default: labels containing it, ignoring case). */
  filter?: (query: string, options: readonly ComboboxOption[]) => readonly ComboboxOption[];
  error?: string;
  hint?: ReactNode;
  /** Receives the text field, e.g. to focus it. */
  inputRef?: Ref<HTMLInputElement>;
  /** What the list says when nothing matches. */
  noMatches?: string;
  /** "3 results" for screen readers. */
  countText?: (count: number) => string;
  autoComplete?: string;
};

const defaultFilter = (query: string, options: readonly ComboboxOption[]) => {
  const q = query.trim().toLowerCase();
  return q === '' ? options : options.filter((o) => o.label.toLowerCase().includes(q));
};

/**
 * A searchable choice from a list: the WAI-ARIA combobox pattern (an editable text field with a
 * list popup, list autocomplete with automatic selection). Typing filters the list and highlights
 * its first entry; ↓/↑ move through it (Alt+↓ only opens it), Enter or Tab takes the highlighted
 * entry, Escape closes the list and restores the chosen one; a click takes an entry. It needs
 * JavaScript: a form offers a plain <select> of the same name until it is loaded (see the address form).
 */
export function Combobox({
  id,
  name,
  label,
  options,
  value,
  onChange,
  onBlur,
  filter = defaultFilter,
  error,
  hint,
  inputRef,
  noMatches = 'No matches',
  countText = (count) => `${count} ${count === 1 ? 'result' : 'results'}`,
  autoComplete = 'off',
}: ComboboxProps) {
  const uid = useId();
  const labelId = `${id}-label`;
  const listId = `${id}-listbox`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;

  const [open, setOpen] = useState(false);
  /** What the shopper typed since the last choice; null shows the chosen option's label. */
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(-1);

  const chosen = options.find((o) => o.value === value);
  const shown = query === null ? options : filter(query, options);
  const optionId = (index: number) => `${uid}-option-${index}`;
  const activeOption = open && active >= 0 ? shown[active] : undefined;

  // Keeps the highlighted entry in view when the keys move it through a long list.
  useEffect(() => {
    if (open && active >= 0) document.getElementById(`${uid}-option-${active}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [open, active, uid]);

  function openList(at: 'chosen' | 'first' | 'last') {
    const list = query === null ? options : shown;
    const chosenIndex = list.findIndex((o) => o.value === value);
    setOpen(true);
    setActive(at === 'last' ? list.length - 1 : at === 'chosen' && chosenIndex >= 0 ? chosenIndex : list.length > 0 ? 0 : -1);
  }

  function close() {
    setOpen(false);
    setActive(-1);
    setQuery(null);
  }

  function choose(option: ComboboxOption | undefined) {
    if (option && option.value !== value) onChange(option.value);
    close();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const count = shown.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) openList(event.altKey ? 'chosen' : query === null ? 'chosen' : 'first');
        else if (!event.altKey && count > 0) setActive((active + 1) % count);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (event.altKey) {
          if (open) choose(activeOption);
        } else if (!open) openList(query === null ? 'chosen' : 'last');
        else if (count > 0) setActive(active <= 0 ? count - 1 : active - 1);
        break;
      case 'Enter':
        if (open) {
          // Enter takes the highlighted entry instead of submitting the form.
          event.preventDefault();
          choose(activeOption);
        }
        break;
      case 'Escape':
        if (open || query !== null) {
          event.preventDefault();
          close();
        }
        break;
      case 'Tab':
        if (open && query !== null) choose(activeOption);
        else if (open) close();
        break;
    }
  }

  const listShown = open && shown.length > 0;
  return (
    <div className={`field ${styles.root}`}>
      <label htmlFor={id} id={labelId}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <div className={styles.control}>
        <input
          id={id}
          ref={inputRef}
          type="text"
          role="combobox"
          className={styles.input}
          aria-autocomplete="list"
          aria-expanded={listShown}
          aria-controls={listId}
          aria-activedescendant={listShown && activeOption ? optionId(active) : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          autoComplete={autoComplete}
          autoCapitalize="off"
          spellCheck={false}
          value={query ?? chosen?.label ?? ''}
          onChange={(event) => {
            const text = event.target.value;
            const matches = filter(text, options);
            // The browser's autofill writes into the field without focusing it: take its best match.
            if (document.activeElement !== event.target) {
              choose(text.trim() === '' ? undefined : matches[0]);
              return;
            }
            setQuery(text);
            setOpen(true);
            setActive(matches.length > 0 ? 0 : -1);
          }}
          onKeyDown={onKeyDown}
          onClick={() => (open ? undefined : openList('chosen'))}
          onBlur={() => {
            // Leaving the field takes the highlighted entry of what was typed (as Tab does).
            if (query !== null && open) choose(activeOption);
            else close();
            onBlur?.();
          }}
        />
        <button
          type="button"
          tabIndex={-1}
          className={styles.toggle}
          aria-label="Show all options"
          aria-controls={listId}
          aria-expanded={listShown}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            document.getElementById(id)?.focus();
            if (open) close();
            else {
              setQuery(null);
              setOpen(true);
              const chosenIndex = options.findIndex((o) => o.value === value);
              setActive(chosenIndex >= 0 ? chosenIndex : 0);
            }
          }}
        >
          <span aria-hidden="true" className={styles.chevron} />
        </button>
        <ul id={listId} role="listbox" aria-labelledby={labelId} className={styles.listbox} hidden={!listShown}>
          {listShown
            ? shown.map((option, index) => (
                <li
                  key={option.value}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active}
                  className={`${styles.option}${option.value === value ? ` ${styles.chosen}` : ''}`}
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseMove={() => (index === active ? undefined : setActive(index))}
                  onClick={() => choose(option)}
                >
                  {option.label}
                </li>
              ))
            : null}
        </ul>
      </div>
      <p role="status" className={styles.status}>
        {open && query !== null ? (shown.length === 0 ? noMatches : countText(shown.length)) : ''}
      </p>
      {open && query !== null && shown.length === 0 ? (
        <p className={`hint ${styles.noMatches}`} aria-hidden="true">
          {noMatches}
        </p>
      ) : null}
      <input type="hidden" name={name} value={value} />
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
