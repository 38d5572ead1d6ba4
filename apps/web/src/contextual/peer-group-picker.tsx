import type { CurrentUser, NetworkView } from '@lantern/domain';
import { useState } from 'react';
import { Link } from 'wouter';
import { userMay } from '../routing/page-props.ts';

/**
 * Selecting people in the network view for a peer-group assessment: "Add to peer group" adds the
 * selected person; "Assess as peer group" opens the form with them. Only for the roles that may
 * record peer-group assessments (members are person-level).
 */
export function PeerGroupPicker({
  view,
  selectedNode,
  districtCode,
  user,
}: {
  view: NetworkView;
  selectedNode: string | null;
  districtCode: string;
  user: CurrentUser;
}) {
  const [chosen, setChosen] = useState<string[]>([]);
  if (!userMay(user, 'contextual.createPeerGroupAssessment')) return null;
  const node = view.nodes.find((candidate) => candidate.id === selectedNode);
  const isPerson = node?.type === 'child' || node?.type === 'associate';
  const labels = new Map(view.nodes.map((candidate) => [candidate.id, candidate.label]));
  return (
    <section className="peer-picker" aria-label="Peer group">
      {isPerson && node && !chosen.includes(node.id) && (
        <button className="button button--quiet" type="button" onClick={() => setChosen([...chosen, node.id])}>
          Add {node.label} to a peer group
        </button>
      )}
      {chosen.length > 0 && (
        <p>
          Peer group: {chosen.map((id) => labels.get(id) ?? id).join(', ')}{' '}
          <button className="button button--quiet" type="button" onClick={() => setChosen([])}>
            Clear
          </button>{' '}
          {chosen.length >= 2 && (
            <Link href={`/contextual/peer-group/new?district=${districtCode}&members=${chosen.join(',')}`}>
              Assess as peer group
            </Link>
          )}
        </p>
      )}
    </section>
  );
}
