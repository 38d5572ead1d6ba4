import type { NameWithoutAction } from '@lantern/domain';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithApi } from '../test/fake-api.tsx';
import { fullChild, testUser } from '../test/fixtures.ts';
import { NamesWithoutActionsPage } from './names-without-actions-page.tsx';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const placeId = '5d9a3c74-7c2a-41a5-9f8e-9e3f3b4a2d33';
const entry: NameWithoutAction = {
  subject: { type: 'place', place: { id: placeId, name: 'Chicken Spot', districtCode: 'E07000174' } },
  linkedChildren: [fullChild as NameWithoutAction['linkedChildren'][number]],
  links: [
    { id: '6e0b4d85-8d3b-42b6-8a9f-0f4a4c5b3e44', linkType: 'seen_at', lastSeen: '2026-11-02', childId: fullChild.id },
  ],
};

describe('NamesWithoutActionsPage', () => {
  it('links each name to its record and says which children at high risk it is linked to', async () => {
    const api = fakeApi({ 'contextual.namesWithoutActions': () => ({ data: { entries: [entry] } }) });
    renderWithApi(<NamesWithoutActionsPage user={testUser(['missing_coordinator'])} params={{}} />, api);
    const item = await screen.findByTestId('name-without-action');
    expect(within(item).getByRole('link', { name: 'Chicken Spot' }).getAttribute('href')).toBe(`/?place=${placeId}`);
    expect(within(item).getByRole('link', { name: 'Assess this place' }).getAttribute('href')).toBe(
      `/contextual/location/new?placeId=${placeId}`,
    );
    expect(item.textContent).toContain('Linked to a child at high risk');
    expect(
      within(item)
        .getByRole('link', { name: /Robin Ashdown/ })
        .getAttribute('href'),
    ).toBe(`/people/${fullChild.id}`);
  });

  it('says so when every name has an action', async () => {
    const api = fakeApi({ 'contextual.namesWithoutActions': () => ({ data: { entries: [] } }) });
    renderWithApi(<NamesWithoutActionsPage user={testUser(['police_analyst'])} params={{}} />, api);
    expect(await screen.findByText(/has an action, an assessment or a review date/)).toBeTruthy();
  });
});
