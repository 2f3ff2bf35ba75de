import { describe, expect, it } from 'vitest';
import { errorSummary } from './log';

describe('errorSummary', () => {
  it('keeps names, SQLSTATE codes and first lines, never query parameters or URL credentials', () => {
    const cause = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021', detail: 'ada@example.com' });
    const error = Object.assign(new Error('Failed query: insert into "customers" values ($1, $2)\nparams: ada@example.com,$argon2id$v=19$secret'), {
      name: 'DrizzleQueryError',
      cause,
    });
    const summary = errorSummary(error);
    expect(summary).toBe('DrizzleQueryError Failed query <- Error [22021] invalid byte sequence for encoding "UTF8": 0x00');
    expect(summary).not.toContain('ada@example.com');
    expect(summary).not.toContain('argon2');
    expect(errorSummary(new Error('connect to postgres://admin:s3cret@db failed'))).toBe('Error connect to postgres://***@db failed');
    expect(errorSummary('a thrown string')).toBe('string');
  });
});
