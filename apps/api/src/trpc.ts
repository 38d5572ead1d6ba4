import { authorize } from '@lantern/app';
import { AppError, invalidUnicodePath, policyFor } from '@lantern/domain';
import { initTRPC, TRPCError } from '@trpc/server';
import type { Context } from './context.ts';
import { toTrpcError } from './errors.ts';

export type { Access } from '@lantern/app';

/**
 * tRPC for Lantern: every procedure goes through `enforcePolicy`, which finds the procedure's
 * entry in the policy table (packages/domain/src/policy.ts) and hands it to `authorize`, the one
 * access decision shared with the plain HTTP routes. The procedure gets the resulting `access`.
 */
const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    // Internal errors never show their text (it may hold SQL or stack details); they are logged.
    const message = error.code === 'INTERNAL_SERVER_ERROR' ? 'Something went wrong on the server' : shape.message;
    // A CONFLICT says who changed the record and when, so the form can offer "reload or keep yours".
    const conflict = error.cause instanceof AppError ? error.cause.conflict : undefined;
    return {
      ...shape,
      message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        ...(conflict ? { conflict } : {}),
      },
    };
  },
});

const enforcePolicy = t.middleware(async ({ ctx, path, type, next, getRawInput, signal }) => {
  const policy = policyFor(path);
  if (!policy) {
    throw new TRPCError({
      code: 'INTERNAL_SERVER_ERROR',
      message: `${path} has no access policy and cannot be served`,
    });
  }
  let access: Awaited<ReturnType<typeof authorize>>;
  try {
    access = await authorize(ctx, ctx.principal, path, policy);
  } catch (error) {
    throw toTrpcError(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: error }));
  }
  // Before any schema: a string that is not valid Unicode names its field as bad input (no schema
  // can forget it, and PostgreSQL would fail on it with a 500).
  const invalid = invalidUnicodePath(await getRawInput());
  if (invalid) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `${invalid}: must be valid Unicode text (it holds an unpaired surrogate character)`,
    });
  }
  // The request's signal reaches the use cases, so work for a caller who has gone can stop.
  const result = await next({ ctx: { access, signal } });
  // A change this process made to users or sessions (a sign-out, a role taken away) holds from
  // the caller's next request: the announcement other processes wait for may come a moment later.
  if (type === 'mutation') ctx.sessions?.forgetAll();
  if (!result.ok) {
    // A cancelled request is not a server fault: 499, not a logged 500.
    if (signal?.aborted)
      return { ...result, error: new TRPCError({ code: 'CLIENT_CLOSED_REQUEST', cause: result.error }) };
    return { ...result, error: toTrpcError(result.error) };
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
/** The only procedure builder: there is no way to define a procedure that skips the policy. */
export const procedure = t.procedure.use(enforcePolicy);
