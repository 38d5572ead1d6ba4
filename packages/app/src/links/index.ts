// Links between records. Creating one needs both ends and the cited source to exist; listing the
// links of a record shows the other ends only as far as the caller may see them.
export { createLink } from './create-link.ts';
export { listLinksForEntity } from './list-links-for-entity.ts';
