import { useEffect, useRef, type ReactNode } from 'react';
import { Tabs as RadixTabs } from 'radix-ui';

export interface TabDef {
  value: string;
  label: string;
  icon?: ReactNode;
  content: ReactNode;
}

/** The width of the fade at the end of a tab list that scrolls (app.css, narrow windows). */
const TAB_FADE_PX = 24;

/** Tabs with the list on the side (vertical) or on top; arrows move between tabs. */
export function Tabs(props: {
  value: string;
  onChange: (value: string) => void;
  tabs: readonly TabDef[];
  label: string;
  orientation?: 'horizontal' | 'vertical';
}) {
  const orientation = props.orientation ?? 'horizontal';
  const list = useRef<HTMLDivElement>(null);
  // A list that scrolls sideways (a narrow window) shows the chosen tab whole, clear of the
  // fade at its end: when the tab changes and when the window narrows.
  useEffect(() => {
    const el = list.current;
    if (!el) return;
    const reveal = (): void => {
      if (el.scrollWidth <= el.clientWidth) return;
      const active = el.querySelector<HTMLElement>('[data-state="active"]');
      if (!active) return;
      const box = el.getBoundingClientRect();
      const tab = active.getBoundingClientRect();
      const end = box.right - TAB_FADE_PX;
      if (tab.right > end) el.scrollLeft += tab.right - end;
      else if (tab.left < box.left) el.scrollLeft -= box.left - tab.left;
    };
    reveal();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(reveal);
    observer.observe(el);
    return () => observer.disconnect();
  }, [props.value]);
  return (
    <RadixTabs.Root
      className={`tabs tabs-${orientation}`}
      value={props.value}
      onValueChange={props.onChange}
      orientation={orientation}
    >
      <RadixTabs.List ref={list} className="tabs-list" aria-label={props.label}>
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
