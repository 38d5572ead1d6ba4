import { addDays, londonDate } from '@lantern/domain';
import { describe, expect, it } from 'vitest';
import { apiQuery, browserSession, screenshot } from './support/browser.ts';

/**
 * Issue 18, the district officer's disruption work in Mansfield: only the tactics the council holds
 * are offered; places of one name are told apart; an action is recorded on a vehicle, in force with
 * review and expiry dates; a refusal shows beside its field in plain words; the note typed on a
 * transition shows in the history; an action on a place shows its effect with the caution; the place
 * panel lists the actions on the place.
 */
const mansfield = 'E07000174';

const { signedIn } = browserSession();

interface ActionRow {
  id: string;
  status: string;
  inForceFrom: string | null;
  target: { place: { id: string; name: string } | null };
  tactic: { name: string };
}

describe('disruption actions as the Mansfield district officer', () => {
  it('records an action on a vehicle with review and expiry dates, and moves it on with a note', async () => {
    const { page, context, problems } = await signedIn('officer.mansfield@lantern.test', '/disruption');
    const form = page.getByRole('form', { name: 'Record a disruption action' });

    // Only the tactics a district council holds: no police-only notice.
    const tactics = form.getByRole('combobox', { name: 'Tactic' });
    await tactics.locator('option', { hasText: 'Closure notice' }).waitFor({ state: 'attached' });
    const offered = await tactics.locator('option').allTextContents();
    expect(offered).not.toContain('Hotel guest information notice');
    expect(offered).not.toContain('Child Abduction Warning Notice');

    // The place picker searches the server as one types; every place it offers can be told from the others.
    const placePicker = form.getByRole('combobox', { name: 'Place' });
    await form.getByRole('searchbox', { name: 'Find the place by name or street' }).fill('Bus station');
    await placePicker
      .locator('option', { hasText: /^Bus station, Mansfield/ })
      .first()
      .waitFor({ state: 'attached' });
    const places = (await placePicker.locator('option').allTextContents()).slice(1);
    expect(places.length).toBeGreaterThan(1);
    expect(new Set(places).size).toBe(places.length);
    expect(places.find((label) => label.startsWith('Bus station, Mansfield'))).toMatch(
      /^Bus station, Mansfield — .+ ward · Bus station$/,
    );

    const { vehicles } = await apiQuery<{ vehicles: { id: string; registration: string }[] }>(page, 'vehicles.search', {
      limit: 1,
    });
    const vehicle = vehicles[0];
    if (!vehicle) throw new Error('the demo seed has no vehicle');
    await form.getByRole('radio', { name: 'A vehicle' }).check();
    await form.getByRole('searchbox', { name: 'Find the vehicle by registration' }).fill(vehicle.registration);
    const vehiclePicker = form.getByRole('combobox', { name: 'Vehicle' });
    await vehiclePicker.locator('option', { hasText: vehicle.registration }).waitFor({ state: 'attached' });
    await vehiclePicker.selectOption(vehicle.id);
    await tactics.selectOption({ label: 'Taxi and private hire licence action' });
    await form.getByRole('radio', { name: 'In force', exact: true }).check();
    const reviewOn = addDays(londonDate(), 35);
    const expiresOn = addDays(londonDate(), 180);
    await form.getByLabel(/^Review date/).fill(reviewOn);
    // An expiry before the action comes into force is refused beside the field, in plain words.
    await form.getByLabel(/^Expiry date/).fill(addDays(londonDate(), -1));
    await form.getByLabel('Why (kept in the history)').fill('Driver seen picking children up from the bus station');
    await form.getByRole('button', { name: 'Record the action' }).click();
    const refusal = form.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/^Expiry date must be on or after the in-force date /);
    await form.scrollIntoViewIfNeeded();
    await screenshot(form, 'disruption-1-refusal-beside-the-field');
    await form.getByLabel(/^Expiry date/).fill(expiresOn);
    await form.getByRole('button', { name: 'Record the action' }).click();

    const detail = page.getByRole('region', { name: 'Disruption action' });
    await detail
      .getByRole('heading', { name: `Taxi and private hire licence action: ${vehicle.registration}` })
      .waitFor();
    const move = detail.getByRole('form', { name: 'Move the action' });
    await move.getByRole('combobox', { name: 'Move to' }).selectOption('reviewed');
    await move.getByLabel('Next review').fill(addDays(londonDate(), 63));
    await move.getByLabel('Note (why; kept in the history)').fill('Licensing committee hearing set for next month');
    await move.getByRole('button', { name: 'Save the change' }).click();
    const history = detail.getByRole('list', { name: 'History of the action' });
    await history.getByText('Licensing committee hearing set for next month').waitFor();
    expect(await detail.textContent()).toContain('The effect is measured around a place');
    await detail.scrollIntoViewIfNeeded();
    await screenshot(detail, 'disruption-2-vehicle-action-with-the-note-in-its-history');

    const { actions } = await apiQuery<{ actions: (ActionRow & { reviewOn: string; expiresOn: string })[] }>(
      page,
      'disruption.list',
      { districtCode: mansfield, limit: 200 },
    );
    const recorded = actions.find((action) => action.tactic.name === 'Taxi and private hire licence action');
    expect(recorded).toMatchObject({ status: 'reviewed', expiresOn, reviewOn: addDays(londonDate(), 63) });
    expect(problems.filter((problem) => !problem.includes('400 (Bad Request)'))).toEqual([]);
    await context.close();
  });

  it('shows the effect of an action on a place with its caution, and the place panel lists the action', async () => {
    const { page, context, problems } = await signedIn('officer.mansfield@lantern.test', '/search');
    const { actions } = await apiQuery<{ actions: ActionRow[] }>(page, 'disruption.list', {
      districtCode: mansfield,
      status: ['in_force', 'reviewed', 'ended'],
      limit: 200,
    });
    const onPlace = actions.find((action) => action.target.place !== null && action.inForceFrom !== null);
    if (!onPlace?.target.place) throw new Error('the demo seed has no action in force on a Mansfield place');
    await page.goto(`/disruption?action=${onPlace.id}`);
    const effect = page.getByRole('region', { name: 'Effect: before and after' });
    await effect.getByRole('row', { name: /Crimes/ }).waitFor();
    expect(await effect.getByRole('note', { name: 'Caution' }).textContent()).toContain(
      'A fall or a rise does not show that the action caused it.',
    );
    await effect.scrollIntoViewIfNeeded();
    await screenshot(page.getByRole('region', { name: 'Disruption action' }), 'disruption-3-effect-with-caution');

    await page.goto(`/?place=${onPlace.target.place.id}`);
    const panel = page.getByTestId('place-panel');
    const listed = panel.getByRole('list', { name: 'Disruption actions on this place' });
    await listed.getByRole('link', { name: onPlace.tactic.name }).first().waitFor();
    const placeHistory = panel.getByRole('list', { name: 'History of the place' });
    await placeHistory
      .getByText(new RegExp(`^${onPlace.tactic.name} in force`))
      .first()
      .waitFor();
    await screenshot(panel, 'disruption-4-place-panel-with-its-actions');
    expect(problems).toEqual([]);
    await context.close();
  });
});
