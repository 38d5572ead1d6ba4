export { areGivenNameVariants } from './given-name-variants.ts';
export {
  DUPLICATE_THRESHOLD,
  type DuplicateFeatures,
  type DuplicateReason,
  type DuplicateReasonKind,
  type DuplicateScore,
  duplicateReasonKinds,
  normaliseName,
  type SharedConnections,
  scoreDuplicate,
} from './score-duplicate.ts';
