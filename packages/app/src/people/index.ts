// People: scoped in SQL, redacted by the caller's view, every read and change audited.
export { createPerson } from './create-person.ts';
export { duplicateSearchTransaction, type ScoredPair, scoredDuplicatePairs } from './duplicate-support.ts';
export { findPersonDuplicates } from './find-person-duplicates.ts';
export { getPerson } from './get-person.ts';
export { listDuplicatePeople } from './list-duplicate-people.ts';
export { mergePeople } from './merge-people.ts';
export { searchPeople } from './search-people.ts';
export { unmergePerson } from './unmerge-person.ts';
export { updatePerson } from './update-person.ts';
