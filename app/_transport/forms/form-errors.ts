import type { FieldValues, Path, UseFormSetError, UseFormSetFocus } from 'react-hook-form';
import type { ActionState } from './action-state';

/**
 * Puts a server action's field errors next to their fields and focuses the first one; returns
 * the form-level message, if any. Shared by every client form.
 */
export function showActionErrors<T extends FieldValues>(
  result: ActionState<unknown>,
  setError: UseFormSetError<T>,
  setFocus: UseFormSetFocus<T>,
): string | null {
  if (result.ok) return null;
  const fields = Object.entries(result.fieldErrors) as [Path<T>, string][];
  for (const [field, message] of fields) setError(field, { type: 'server', message });
  if (fields[0]) setFocus(fields[0][0]);
  return result.message ?? null;
}
