import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';

export interface InputProps extends InputHTMLAttributes<HTMLInputElement> {
  /** An icon drawn inside the field, on the left. */
  icon?: ReactNode;
  ref?: React.Ref<HTMLInputElement>;
}

/** A text field in the house style; with an icon it is wrapped so the icon sits inside. */
export function Input({ icon, className, ...rest }: InputProps) {
  const input = <input className={`input${className ? ` ${className}` : ''}`} {...rest} />;
  if (!icon) return input;
  return (
    <span className="input-with-icon">
      <span className="input-icon" aria-hidden="true">
        {icon}
      </span>
      {input}
    </span>
  );
}

/**
 * A native select in the house style: used where the platform list is the better control
 * (long option lists, forms filled by keyboard or by tests through the label).
 */
export function NativeSelect({
  className,
  ...rest
}: SelectHTMLAttributes<HTMLSelectElement> & { ref?: React.Ref<HTMLSelectElement> }) {
  return <select className={`input native-select${className ? ` ${className}` : ''}`} {...rest} />;
}
