import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { fakeApi, renderWithApi } from '../test/fake-api.tsx';
import { testUser } from '../test/fixtures.ts';
import { AuditPage } from './audit-page.tsx';

afterEach(cleanup);

const childId = '66666666-6666-4666-8666-666666666666';
const read = (seq: string) => ({
  seq,
  at: '2026-11-23T14:02:00.000Z',
  userId: '77777777-7777-4777-8777-777777777777',
  email: 'analyst@lantern.test',
  displayName: 'Alex Analyst',
  role: 'police_analyst',
  action: 'read',
  procedure: 'people.get',
  reason: 'strategy meeting',
  recordType: 'person',
  recordIds: [childId],
});

function renderAt(path: string, answers: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi({ 'users.list': () => ({ data: { users: [], agencies: [] } }), ...answers });
  const { hook, searchHook } = memoryLocation({ path });
  renderWithApi(
    <Router hook={hook} searchHook={searchHook}>
      <AuditPage user={testUser(['admin'])} params={{}} />
    </Router>,
    api,
  );
  return api;
}

describe('AuditPage', () => {
  it('answers who read a record, from the address, and pages back', async () => {
    const api = renderAt(`/admin/audit?recordType=person&recordId=${childId}`, {
      'audit.search': (input) =>
        (input as { before?: string }).before
          ? { data: { events: [read('10')], nextBefore: null } }
          : { data: { events: [read('12')], nextBefore: '12' } },
    });
    const table = await screen.findByRole('table', { name: 'Audit events' });
    const row = within(table).getAllByRole('row')[1];
    expect(row?.textContent).toContain('Alex Analyst');
    expect(row?.textContent).toContain('Read');
    expect(row?.textContent).toContain('people.get');
    expect(row?.textContent).toContain(childId);
    expect(row?.textContent).toContain('strategy meeting');
    expect(api.requests.find((request) => request.path === 'audit.search')?.input).toEqual({
      recordType: 'person',
      recordId: childId,
      limit: 50,
    });

    await userEvent.setup().click(screen.getByRole('button', { name: 'Older' }));
    await expect.poll(() => screen.queryByText('Page 2')).toBeTruthy();
    expect(api.requests.filter((request) => request.path === 'audit.search').at(-1)?.input).toEqual({
      recordType: 'person',
      recordId: childId,
      before: '12',
      limit: 50,
    });
  });

  it('verifies the chain on request and says where it is broken', async () => {
    renderAt('/admin/audit', {
      'audit.search': () => ({ data: { events: [], nextBefore: null } }),
      'audit.verify': () => ({
        data: {
          ok: false,
          events: 41,
          brokenAt: '41',
          problem: 'its content does not match its hash (the event was edited)',
          checkedAt: '2026-12-04T17:00:00.000Z',
        },
      }),
    });
    expect(await screen.findByText('No event matches.')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Verify the chain' }));
    expect((await screen.findByText(/The audit chain is broken at event 41/)).closest('div')?.textContent).toContain(
      'its content does not match its hash',
    );
  });
});
