import { appendAudit, emailTaken, insertUser } from '@lantern/db';
import { AppError, type CreateUserInput, districtScopeProblem } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { assertAgencyExists, temporaryPassword } from './user-support.ts';

/**
 * A new account (administrators) with the password the administrator chose, or a generated one
 * returned this once. Audited with its roles, districts and agency, never the password.
 */
export async function createUser(app: AppContext, access: Access, input: CreateUserInput) {
  const scopeProblem = districtScopeProblem(input.roles, input.districtCodes);
  if (scopeProblem) throw new AppError('BAD_INPUT', `districtCodes: ${scopeProblem}`);
  const password = await temporaryPassword(input.password, [input.email, input.displayName]);
  return app.db.prisma.$transaction(async (tx) => {
    if (await emailTaken(tx, input.email)) {
      throw new AppError('BAD_INPUT', `email: an account with the email ${input.email} already exists`);
    }
    await assertAgencyExists(tx, input.agencyId, 'agencyId');
    const user = await insertUser(tx, {
      email: input.email,
      displayName: input.displayName,
      agencyId: input.agencyId,
      roles: input.roles,
      districtCodes: input.districtCodes,
      passwordHash: password.hash,
    });
    await appendAudit(
      tx,
      auditEvent(
        access,
        'create',
        { type: 'user', ids: [user.id] },
        {
          details: {
            email: user.email,
            roles: user.roles,
            districtCodes: user.districtCodes,
            agencyId: user.agencyId,
            passwordGenerated: password.generated !== null,
          },
        },
      ),
    );
    return { user, generatedPassword: password.generated, sessionsEnded: 0 };
  });
}
