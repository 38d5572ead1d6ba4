import type { AgencyKind, CreateTacticInput, ListTacticsInput, Tactic, UpdateTacticInput } from '@lantern/domain';
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
  const tactics = await prisma.tactic.findMany({
    select: tacticSelect,
    where: query.theme ? { theme: query.theme } : {},
    orderBy: [{ theme: 'asc' }, { name: 'asc' }],
  });
  // Filtered here, not by Prisma's `has`: on the embedded backend's adapter `has` on an enum array
  // fails ("malformed array literal"), a 500 for every officer's form (issue 18); the catalogue is small.
  return tactics.filter(
    (tactic) =>
      (!query.targetType || tactic.targetTypes.includes(query.targetType)) &&
      (!query.heldBy || tactic.holderAgencyKinds.includes(query.heldBy)),
  );
}

/** The agencies of the given kinds, by name: those that may hold a power. */
export async function agenciesOfKinds(prisma: PrismaTx, kinds: readonly AgencyKind[]) {
  if (kinds.length === 0) return [];
  return prisma.agency.findMany({
    where: { kind: { in: [...kinds] } },
    select: { id: true, name: true, kind: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
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

/** Whether a tactic (other than `exceptId`) already has this name (names are unique in the catalogue). */
export async function tacticNameTaken(tx: PrismaTx, name: string, exceptId?: string): Promise<boolean> {
  const where = exceptId === undefined ? { name } : { name, id: { not: exceptId } };
  const clash = await tx.tactic.findFirst({ where, select: { id: true } });
  return clash !== null;
}

/** Whether a tactic already has this code (codes are unique and never change). */
export async function tacticCodeTaken(tx: PrismaTx, code: string): Promise<boolean> {
  return (await tx.tactic.findUnique({ where: { code }, select: { id: true } })) !== null;
}

export async function insertTactic(tx: PrismaTx, input: CreateTacticInput): Promise<Tactic> {
  return tx.tactic.create({ data: input, select: tacticSelect });
}
