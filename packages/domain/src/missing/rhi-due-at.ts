import { HOUR_MS, RHI_DEADLINE_HOURS } from './types.ts';

/**
 * When a Return Home Interview falls due: 72 hours of real elapsed time after the return (so 71
 * or 73 wall-clock hours across a clock change).
 *
 * @example
 * rhiDueAt(new Date('2024-03-29T12:00:00Z')).toISOString(); // → '2024-04-01T12:00:00.000Z' (13:00 BST)
 */
export function rhiDueAt(returnedAt: Date): Date {
  return new Date(returnedAt.getTime() + RHI_DEADLINE_HOURS * HOUR_MS);
}
