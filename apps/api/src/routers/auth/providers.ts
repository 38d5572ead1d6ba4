import { z } from 'zod';
import { signInProviders } from '../../auth/oidc-settings.ts';
import { procedure } from '../../trpc.ts';

export const providersOutput = z.object({
  oidc: z.object({ enabled: z.boolean(), loginUrl: z.string().nullable() }),
});

/** Lets the sign-in page show a single sign-on button only when a provider is configured. */
export const providers = procedure.output(providersOutput).query(({ ctx }) => signInProviders(ctx.config.oidc));
