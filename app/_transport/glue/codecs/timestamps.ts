import { z } from 'zod';

/** Glue prints timestamps as `YYYY-MM-DD HH:MM:SS.ffffff` in UTC. */
export function glueTimestamp(date: Date): string {
  return `${date.toISOString().replace('T', ' ').replace('Z', '')}000`;
}

export const glueTimestampSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}$/)
  .meta({ description: 'UTC, `YYYY-MM-DD HH:MM:SS.ffffff`', examples: ['2026-12-03 14:05:09.123000'] });
