import type { Validator } from './validator';
import type { FormName } from './validators';

/** A loader for `useProgressiveForm`'s `validator` (stable: one per form, made at module level). */
export function loadValidator(name: FormName): () => Promise<Validator> {
  return () => import('./validators').then((m) => m.validators[name]);
}
