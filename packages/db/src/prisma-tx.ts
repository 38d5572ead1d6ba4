import type { PrismaClient } from './generated/prisma/client.ts';

/** A Prisma client inside an interactive transaction, as services receive it. */
export type PrismaTx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;
