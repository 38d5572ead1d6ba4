import { listDistricts } from '@lantern/app';
import { listDistrictsOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const list = procedure.output(listDistrictsOutput).query(({ ctx }) => listDistricts(ctx, ctx.access));
