import {
  getPerson,
  latestPhilomenaProfile,
  type PersonRow,
  type PhilomenaProfileRow,
  philomenaVersions,
  type Transaction,
} from '@lantern/db';
import { AppError, type PhilomenaProfile } from '@lantern/domain';
import type { Access } from '../../access/access.ts';
import { presentPerson } from '../episode-support.ts';

/** The child in care whose profile is asked for, or NOT_FOUND outside the caller's districts. */
export async function childInCare(tx: Transaction, access: Access, personId: string): Promise<PersonRow> {
  const child = await getPerson(tx, personId, access.scope);
  if (!child || access.view(child.kind) === 'hidden') {
    throw new AppError('NOT_FOUND', `No person ${personId} in your districts`);
  }
  if (child.kind !== 'child' || (child.careStatus !== 'county_care' && child.careStatus !== 'ola_care')) {
    throw new AppError(
      'BAD_INPUT',
      `personId: ${personId} is not a child in care (care status ${child.careStatus ?? 'none'}); Philomena profiles are for children in care`,
    );
  }
  return child;
}

export async function toProfile(tx: Transaction, access: Access, row: PhilomenaProfileRow): Promise<PhilomenaProfile> {
  const importantPeople = [];
  for (const link of row.people) {
    const linked = await getPerson(tx, link.personId, 'all');
    if (linked && access.view(linked.kind) !== 'hidden') {
      importantPeople.push({ person: presentPerson(access, linked), relationship: link.relationship });
    }
  }
  return {
    personId: row.personId,
    version: row.profileVersion,
    savedAt: row.createdAt.toISOString(),
    description: row.description,
    photo:
      row.photo && row.photoContentType
        ? `data:${row.photoContentType};base64,${Buffer.from(row.photo).toString('base64')}`
        : null,
    vulnerabilities: row.vulnerabilities,
    importantPeople,
    importantPlaces: row.places,
    phones: row.phones,
    socialMedia: row.socialMedia,
    transport: row.transport,
  };
}

/** The child, their latest profile and the list of versions. */
export async function philomenaView(tx: Transaction, access: Access, child: PersonRow) {
  const latest = await latestPhilomenaProfile(tx, child.id);
  const versions = await philomenaVersions(tx, child.id);
  return {
    child: presentPerson(access, child),
    profile: latest ? await toProfile(tx, access, latest) : null,
    versions: versions.map((version) => ({
      version: version.profileVersion,
      savedAt: version.createdAt.toISOString(),
      savedBy: version.recordedBy,
    })),
  };
}
