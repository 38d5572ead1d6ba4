import { getOrientation } from '@lantern/app';
import { orientationOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const orientation = procedure.output(orientationOutput).query(({ ctx }) => getOrientation(ctx));
