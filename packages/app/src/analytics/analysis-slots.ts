import { AppError } from '@lantern/domain';
import type { Access } from '../access/access.ts';

/**
 * How many heavy analyses one user may have running at once. A second tab or a double click is
 * fine; a script firing a hundred at once gets TOO_MANY_REQUESTS instead of a queue that holds
 * every other user's analysis behind it.
 */
export const analysesPerUser = 2;

const running = new Map<string, number>();

export async function withAnalysisSlot<Result>(access: Access, work: () => Promise<Result>): Promise<Result> {
  const key = access.principal?.id ?? 'signed-out';
  const now = running.get(key) ?? 0;
  if (now >= analysesPerUser) {
    throw new AppError(
      'TOO_MANY_REQUESTS',
      `You already have ${now} analyses running; wait for one to finish before starting another`,
    );
  }
  running.set(key, now + 1);
  try {
    return await work();
  } finally {
    const left = (running.get(key) ?? 1) - 1;
    if (left === 0) running.delete(key);
    else running.set(key, left);
  }
}
