import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { tooltipProps } from './SharedTooltip';

export interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  /** The accessible name, also shown as the tooltip. */
  label: string;
  icon: ReactNode;
  /** A shortcut shown in the tooltip, e.g. "Ctrl+B". */
  shortcut?: string | undefined;
  size?: 'sm' | 'md';
  variant?: 'ghost' | 'secondary' | 'primary' | 'danger';
  tooltipSide?: 'top' | 'right' | 'bottom' | 'left';
  /**
   * Accepted for callers written when only some buttons used the window's one SharedTooltip: every
   * IconButton shows its label there now.
   */
  sharedTooltip?: boolean;
  ref?: React.Ref<HTMLButtonElement>;
}

/**
 * A button that shows only an icon: its name lives in aria-label and in the window's shared
 * tooltip (SharedTooltip), with its shortcut.
 */
export function IconButton({
  label,
  icon,
  shortcut,
  size = 'md',
  variant = 'ghost',
  tooltipSide,
  className,
  type = 'button',
  sharedTooltip: _shared,
  ...rest
}: IconButtonProps) {
  const classes = `icon-btn btn-${variant} icon-btn-${size}${className ? ` ${className}` : ''}`;
  return (
    <button
      type={type}
      aria-label={label}
      className={classes}
      {...tooltipProps(label, tooltipSide, shortcut)}
      {...rest}
    >
      {icon}
    </button>
  );
}
