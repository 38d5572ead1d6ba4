import { randomInt } from 'node:crypto';
import { findAgency, hashPassword, type PrismaTx } from '@lantern/db';
import { AppError } from '@lantern/domain';
import { passwordProblem } from '../auth/password-policy.ts';

/** No 0/O, 1/l/I: a generated password is read off a screen and typed once. */
const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Four groups of five random characters (about 98 bits), e.g. "kq7rm-x2bzd-9hcwe-tnp4v". */
export function generatePassword(): string {
  const group = () => Array.from({ length: 5 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}

/**
 * The password an administrator chose, checked like any new password, or a generated one; with
 * its argon2id hash (made before the transaction: it is deliberately slow).
 */
export async function temporaryPassword(
  chosen: string | undefined,
  about: readonly string[],
): Promise<{ hash: string; generated: string | null }> {
  if (chosen !== undefined) {
    const problem = passwordProblem(chosen, about);
    if (problem) throw new AppError('BAD_INPUT', `password: ${problem}`);
    return { hash: await hashPassword(chosen), generated: null };
  }
  const generated = generatePassword();
  return { hash: await hashPassword(generated), generated };
}

export async function assertAgencyExists(tx: PrismaTx, agencyId: string, field: string): Promise<void> {
  if (!(await findAgency(tx, agencyId))) throw new AppError('BAD_INPUT', `${field}: there is no agency ${agencyId}`);
}
