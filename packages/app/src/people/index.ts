// People: scoped in SQL, redacted by the caller's view, every read and change audited.
export { createPerson } from './create-person.ts';
export { getPerson } from './get-person.ts';
export { searchPeople } from './search-people.ts';
export { updatePerson } from './update-person.ts';
