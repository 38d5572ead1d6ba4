import { type KeyboardEvent, type ReactNode, useId, useRef } from 'react';

export interface Tab<K extends string> {
  key: K;
  label: string;
  /** How many items the tab holds, shown in its label; undefined while unknown. */
  count?: number | undefined;
  panel: ReactNode;
}

/**
 * Tabs as WAI-ARIA describes them: a tablist of buttons, arrow keys move between tabs, and only the
 * chosen panel is rendered. The caller keeps which tab is chosen (in the address, say).
 */
export function Tabs<K extends string>({
  label,
  tabs,
  selected,
  onSelect,
}: {
  label: string;
  tabs: ReadonlyArray<Tab<K>>;
  selected: K;
  onSelect(key: K): void;
}) {
  const base = useId();
  const buttons = useRef(new Map<K, HTMLButtonElement>());
  const current = tabs.find((tab) => tab.key === selected) ?? tabs[0];
  function onKeyDown(event: KeyboardEvent) {
    const index = tabs.findIndex((tab) => tab.key === current?.key);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0 || index < 0) return;
    event.preventDefault();
    const next = tabs[(index + step + tabs.length) % tabs.length];
    if (!next) return;
    onSelect(next.key);
    buttons.current.get(next.key)?.focus();
  }
  return (
    <div className="tabs">
      <div className="tabs__list" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.key}
            ref={(element) => {
              if (element) buttons.current.set(tab.key, element);
            }}
            type="button"
            role="tab"
            id={`${base}-${tab.key}-tab`}
            aria-controls={`${base}-${tab.key}-panel`}
            aria-selected={tab.key === current?.key}
            tabIndex={tab.key === current?.key ? 0 : -1}
            className="tabs__tab"
            onClick={() => onSelect(tab.key)}
          >
            {tab.label}
            {tab.count !== undefined && <span className="tabs__count"> ({tab.count.toLocaleString('en-GB')})</span>}
          </button>
        ))}
      </div>
      {current && (
        <div
          role="tabpanel"
          id={`${base}-${current.key}-panel`}
          aria-labelledby={`${base}-${current.key}-tab`}
          className="tabs__panel"
        >
          {current.panel}
        </div>
      )}
    </div>
  );
}
