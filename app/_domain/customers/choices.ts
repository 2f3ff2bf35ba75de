/** The fixed choices of a customer's profile (no zod here: the browser's forms import them). */
export const SALUTATIONS = ['Mr', 'Mrs', 'Ms', 'Dr'] as const;
export const GENDERS = ['Male', 'Female', 'Diverse'] as const;
export type Salutation = (typeof SALUTATIONS)[number];
export type Gender = (typeof GENDERS)[number];
