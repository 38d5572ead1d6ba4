import { rhiDueAt } from './rhi-due-at.ts';

/**
 * Whether a Return Home Interview was completed in time: no later than 72 hours after the return
 * (exactly 72 hours counts). Not completed, or no return, is not in time.
 *
 * @example
 * rhiCompletedWithin72h(new Date('2024-06-01T09:00Z'), new Date('2024-06-04T09:00Z')); // → true
 * rhiCompletedWithin72h(new Date('2024-06-01T09:00Z'), new Date('2024-06-04T09:00:01Z')); // → false
 */
export function rhiCompletedWithin72h(returnedAt: Date | null, completedAt: Date | null): boolean {
  if (returnedAt === null || completedAt === null) return false;
  return completedAt.getTime() <= rhiDueAt(returnedAt).getTime();
}
