import { getThresholds as getThresholdsUseCase } from '@lantern/app';
import { thresholdsOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const getThresholds = procedure.output(thresholdsOutput).query(({ ctx }) => getThresholdsUseCase(ctx));
