/**
 * The domain speaks Glue's validation texts (the API's contract); forms show friendlier ones.
 * Unknown texts pass through unchanged.
 */
const rewrites: [RegExp, string][] = [
  [/^This (field is missing|value should not be blank)\.$/, 'This field is required.'],
  [/^This value should be true\.$/, 'Please accept to continue.'],
  [/^The value you selected is not a valid choice\.$/, 'Please choose one of the options.'],
  [/^This value is not a valid email address\.$/, 'Please enter a valid email address, like name@example.com.'],
  [/^This value is too short\. It should have (\d+) characters or more\.$/, 'Use at least $1 characters.'],
  [/^This value is too long\. It should have (\d+) characters or less\.$/, 'Use at most $1 characters.'],
  [/^This value is not a valid date\.$/, 'Please enter a valid date.'],
];

export function formMessage(message: string | undefined): string | undefined {
  if (!message) return message;
  for (const [pattern, replacement] of rewrites) if (pattern.test(message)) return message.replace(pattern, replacement);
  return message;
}
