import type { ListTacticsInput, Tactic, UpdateTacticInput } from '@lantern/domain';
import type { PrismaTx } from './prisma-tx.ts';

/** The tactic catalogue (seeded by migration 20261124100000_disruption). */
const tacticSelect = {
  id: true,
  code: true,
  name: true,
  theme: true,
  legalBasis: true,
  holderAgencyKinds: true,
  targetTypes: true,
  needsConviction: true,
  needsCourt: true,
  maxDurationDays: true,
  guidance: true,
  version: true,
} as const;

export async function listTactics(prisma: PrismaTx, query: ListTacticsInput = {}): Promise<Tactic[]> {
  return prisma.tactic.findMany({
    select: tacticSelect,
    where: {
      ...(query.theme ? { theme: query.theme } : {}),
      ...(query.targetType ? { targetTypes: { has: query.targetType } } : {}),
      ...(query.heldBy ? { holderAgencyKinds: { has: query.heldBy } } : {}),
    },
    orderBy: [{ theme: 'asc' }, { name: 'asc' }],
  });
}

export async function getTactic(prisma: PrismaTx, id: string): Promise<Tactic | null> {
  return prisma.tactic.findUnique({ where: { id }, select: tacticSelect });
}

export type TacticUpdateOutcome =
  | { status: 'updated'; tactic: Tactic }
  | { status: 'not-found' }
  | { status: 'conflict'; currentVersion: number };

export async function updateTactic(
  tx: PrismaTx,
  { id, version, changes }: UpdateTacticInput,
): Promise<TacticUpdateOutcome> {
  const current = await getTactic(tx, id);
  if (!current) return { status: 'not-found' };
  const { count } = await tx.tactic.updateMany({
    where: { id, version },
    data: { ...changes, version: { increment: 1 }, updatedAt: new Date() },
  });
  if (count === 0) return { status: 'conflict', currentVersion: current.version };
  const tactic = await getTactic(tx, id);
  return tactic ? { status: 'updated', tactic } : { status: 'not-found' };
}

/** Whether a tactic other than `exceptId` already has this name (names are unique in the catalogue). */
export async function tacticNameTaken(tx: PrismaTx, name: string, exceptId: string): Promise<boolean> {
  const clash = await tx.tactic.findFirst({ where: { name, id: { not: exceptId } }, select: { id: true } });
  return clash !== null;
}
