import type { AgendaItem } from '@lantern/domain';
import type { ReactNode } from 'react';

const sections: { kind: AgendaItem['kind']; heading: string }[] = [
  { kind: 'hotspot', heading: 'New or intensifying hotspots' },
  { kind: 'place', heading: 'Places of concern with new intelligence' },
  { kind: 'action', heading: 'Disruption actions to agree, review or renew' },
  { kind: 'child', heading: 'Children of concern' },
  { kind: 'assessment', heading: 'Contextual assessments due for review' },
  { kind: 'action-log', heading: 'Action log' },
  { kind: 'other', heading: 'Any other business' },
];

/** The agenda in its sections, each item with its detail and minute; `extra` renders below an item. */
export function AgendaList({
  items,
  extra,
}: {
  items: readonly AgendaItem[];
  extra?: (item: AgendaItem) => ReactNode;
}) {
  let number = 0;
  return (
    <div className="agenda">
      {sections.map(({ kind, heading }) => {
        const inSection = items.filter((item) => item.kind === kind);
        if (inSection.length === 0) return null;
        return (
          <section key={kind} className="agenda__section">
            <h3>{heading}</h3>
            <ol className="agenda__items">
              {inSection.map((item) => {
                number += 1;
                return (
                  <li key={item.key} value={number} data-agenda-key={item.key}>
                    <strong>{item.title}</strong>
                    {item.detail.length > 0 && <p className="agenda__detail">{item.detail.join(' · ')}</p>}
                    {item.minute && (
                      <p className="agenda__minute">
                        <span className="agenda__minute-label">Minute:</span> {item.minute.text}
                      </p>
                    )}
                    {extra?.(item)}
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
