import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Tooltip } from './Tooltip';

export interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  /** The accessible name, also shown as the tooltip. */
  label: string;
  icon: ReactNode;
  /** A shortcut shown in the tooltip, e.g. "Ctrl+B". */
  shortcut?: string | undefined;
  size?: 'sm' | 'md';
  variant?: 'ghost' | 'secondary' | 'primary' | 'danger';
  tooltipSide?: 'top' | 'right' | 'bottom' | 'left';
  ref?: React.Ref<HTMLButtonElement>;
}

/** A button that shows only an icon: its name lives in aria-label and in a tooltip. */
export function IconButton({
  label,
  icon,
  shortcut,
  size = 'md',
  variant = 'ghost',
  tooltipSide,
  className,
  type = 'button',
  ...rest
}: IconButtonProps) {
  return (
    <Tooltip label={label} shortcut={shortcut} side={tooltipSide}>
      <button
        type={type}
        aria-label={label}
        className={`icon-btn btn-${variant} icon-btn-${size}${className ? ` ${className}` : ''}`}
        {...rest}
      >
        {icon}
      </button>
    </Tooltip>
  );
}
