import { AppError } from '@lantern/domain';
import type { Access } from '../access/access.ts';

/**
 * How many heavy analyses one user may have at once. The web app asks for a map's hot spots,
 * density and emerging patterns together, and a user changing the settings quickly sends more:
 * those wait their turn. A script firing dozens at once is refused with TOO_MANY_REQUESTS instead
 * of queueing work that would hold every other user's analysis behind it.
 */
export const analysesPerUser = 2;
export const analysesWaitingPerUser = 6;

interface UserSlots {
  running: number;
  waiting: Array<() => void>;
}

const users = new Map<string, UserSlots>();

export async function withAnalysisSlot<Result>(access: Access, work: () => Promise<Result>): Promise<Result> {
  const key = access.principal?.id ?? 'signed-out';
  const slots = users.get(key) ?? { running: 0, waiting: [] };
  users.set(key, slots);
  if (slots.running >= analysesPerUser) {
    if (slots.waiting.length >= analysesWaitingPerUser) {
      throw new AppError(
        'TOO_MANY_REQUESTS',
        `You already have ${slots.running} analyses running and ${slots.waiting.length} waiting; wait for them to finish before starting another`,
      );
    }
    await new Promise<void>((resolve) => slots.waiting.push(resolve));
  }
  slots.running += 1;
  try {
    return await work();
  } finally {
    slots.running -= 1;
    const next = slots.waiting.shift();
    if (next) next();
    else if (slots.running === 0) users.delete(key);
  }
}
