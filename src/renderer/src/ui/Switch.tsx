import { Switch as RadixSwitch } from 'radix-ui';

/** An on/off control with its label beside it; the label names the switch. */
export function Switch(props: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}) {
  return (
    <div className="switch-row">
      <RadixSwitch.Root
        id={props.id}
        className="switch"
        checked={props.checked}
        onCheckedChange={props.onChange}
        disabled={props.disabled}
      >
        <RadixSwitch.Thumb className="switch-thumb" />
      </RadixSwitch.Root>
      <label htmlFor={props.id} className="switch-label">
        {props.label}
      </label>
    </div>
  );
}
