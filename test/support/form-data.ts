/**
 * A form as a browser posts it (what Next.js hands a server action): text fields as strings,
 * a checked checkbox as "on", an unchecked one left out.
 */
export function formData(values: Record<string, unknown>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) {
    if (value === true) data.append(name, 'on');
    else if (value === false || value === null || value === undefined) continue;
    else data.append(name, String(value));
  }
  return data;
}
