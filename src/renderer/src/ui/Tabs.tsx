import type { ReactNode } from 'react';
import { Tabs as RadixTabs } from 'radix-ui';

export interface TabDef {
  value: string;
  label: string;
  icon?: ReactNode;
  content: ReactNode;
}

/** Tabs with the list on the side (vertical) or on top; arrows move between tabs. */
export function Tabs(props: {
  value: string;
  onChange: (value: string) => void;
  tabs: readonly TabDef[];
  label: string;
  orientation?: 'horizontal' | 'vertical';
}) {
  const orientation = props.orientation ?? 'horizontal';
  return (
    <RadixTabs.Root
      className={`tabs tabs-${orientation}`}
      value={props.value}
      onValueChange={props.onChange}
      orientation={orientation}
    >
      <RadixTabs.List className="tabs-list" aria-label={props.label}>
        {props.tabs.map((tab) => (
          <RadixTabs.Trigger key={tab.value} value={tab.value} className="tabs-trigger">
            {tab.icon ? (
              <span className="tabs-icon" aria-hidden="true">
                {tab.icon}
              </span>
            ) : null}
            {tab.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      {props.tabs.map((tab) => (
        <RadixTabs.Content key={tab.value} value={tab.value} className="tabs-content">
          {tab.content}
        </RadixTabs.Content>
      ))}
    </RadixTabs.Root>
  );
}
