import { Select as RadixSelect } from 'radix-ui';
import { Check, ChevronDown } from 'lucide-react';

export interface SelectOption {
  value: string;
  label: string;
  /** A short note after the label, e.g. "in use". */
  note?: string | undefined;
}

/** A styled list box (Radix Select): keyboard, typeahead and screen readers work as native. */
export function Select(props: {
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  id?: string;
  'aria-label'?: string;
  'aria-labelledby'?: string;
  className?: string;
}) {
  return (
    <RadixSelect.Root value={props.value} onValueChange={props.onChange}>
      <RadixSelect.Trigger
        id={props.id}
        className={`input select-trigger${props.className ? ` ${props.className}` : ''}`}
        aria-label={props['aria-label']}
        aria-labelledby={props['aria-labelledby']}
      >
        <RadixSelect.Value />
        <RadixSelect.Icon className="select-chevron">
          <ChevronDown size={16} aria-hidden="true" />
        </RadixSelect.Icon>
      </RadixSelect.Trigger>
      <RadixSelect.Portal>
        <RadixSelect.Content className="menu select-content" position="popper" sideOffset={4}>
          <RadixSelect.Viewport>
            {props.options.map((o) => (
              <RadixSelect.Item key={o.value} value={o.value} className="menu-item">
                <RadixSelect.ItemText>{o.label}</RadixSelect.ItemText>
                {o.note ? <span className="menu-item-note">{o.note}</span> : null}
                <RadixSelect.ItemIndicator className="menu-item-check">
                  <Check size={14} aria-hidden="true" />
                </RadixSelect.ItemIndicator>
              </RadixSelect.Item>
            ))}
          </RadixSelect.Viewport>
        </RadixSelect.Content>
      </RadixSelect.Portal>
    </RadixSelect.Root>
  );
}
