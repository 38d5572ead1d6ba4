import type { AgencyOption, Role } from '@lantern/domain';
import type { FieldErrors } from '../editing/form-errors.ts';
import { CheckboxGroup, Field } from './form-parts.tsx';
import { districtOptions, roleOptions } from './labels.ts';

/** An account's name, agency, roles and districts: the same fields when it is created and when it is edited. */
export function AccountPickers({
  displayName,
  onDisplayName,
  nameHint,
  agencies,
  agencyId,
  onAgency,
  agencyPrompt,
  roles,
  onRoles,
  districtCodes,
  onDistricts,
  districtsHint,
  errors,
}: {
  displayName: string;
  onDisplayName(next: string): void;
  nameHint?: string;
  agencies: readonly AgencyOption[];
  agencyId: string;
  onAgency(next: string): void;
  /** The empty first choice, for a new account that has no agency yet. */
  agencyPrompt?: string;
  roles: readonly Role[];
  onRoles(next: Role[]): void;
  districtCodes: readonly string[];
  onDistricts(next: string[]): void;
  districtsHint: string;
  errors: FieldErrors;
}) {
  return (
    <>
      <Field label="Name" hint={nameHint} error={errors.displayName}>
        {(props) => <input {...props} value={displayName} onChange={(e) => onDisplayName(e.target.value)} />}
      </Field>
      <Field label="Agency" error={errors.agencyId}>
        {(props) => (
          <select {...props} value={agencyId} onChange={(e) => onAgency(e.target.value)}>
            {agencyPrompt !== undefined && <option value="">{agencyPrompt}</option>}
            {agencies.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {agency.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <CheckboxGroup legend="Roles" options={roleOptions} selected={roles} onChange={onRoles} error={errors.roles} />
      <CheckboxGroup
        legend="Districts"
        hint={districtsHint}
        options={districtOptions}
        selected={districtCodes}
        onChange={onDistricts}
        error={errors.districtCodes}
      />
    </>
  );
}
