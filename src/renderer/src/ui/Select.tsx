import { DropdownMenu } from 'radix-ui';
import { Check, ChevronDown } from 'lucide-react';

export interface SelectOption {
  value: string;
  label: string;
  /** A short note after the label, e.g. "in use". */
  note?: string | undefined;
}

/**
 * A styled choice among a few options: a button showing the value that opens a list of radio
 * items (Radix menu: arrows, typeahead, Escape). Radix's own Select injects inline <style>
 * elements, which the renderer's CSP refuses; long lists keep the native select.
 */
export function Select(props: {
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  id?: string;
  /** The id of the visible label; the button reads as "<label> <value>". */
  labelledBy: string;
  className?: string;
}) {
  const current = props.options.find((o) => o.value === props.value);
  const valueId = `${props.labelledBy}-value`;
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>
        <button
          type="button"
          id={props.id}
          className={`input select-trigger${props.className ? ` ${props.className}` : ''}`}
          aria-labelledby={`${props.labelledBy} ${valueId}`}
        >
          <span id={valueId} className="select-value">
            {current?.label ?? ''}
          </span>
          <ChevronDown size={16} aria-hidden="true" className="select-chevron" />
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu select-content" align="start" sideOffset={4}>
          <DropdownMenu.RadioGroup value={props.value} onValueChange={props.onChange}>
            {props.options.map((o) => (
              <DropdownMenu.RadioItem key={o.value} value={o.value} className="menu-item">
                <span className="menu-item-label">
                  {o.label}
                  {o.note ? <span className="menu-item-note">{o.note}</span> : null}
                </span>
                <DropdownMenu.ItemIndicator className="menu-item-check">
                  <Check size={14} aria-hidden="true" />
                </DropdownMenu.ItemIndicator>
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
