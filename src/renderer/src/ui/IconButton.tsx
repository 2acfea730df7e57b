import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Tooltip } from './Tooltip';
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
   * The label shows in the window's one SharedTooltip instead of a tooltip of its own: for
   * buttons drawn by the hundred (under every message), where a tooltip each is what costs.
   */
  sharedTooltip?: boolean;
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
  sharedTooltip = false,
  ...rest
}: IconButtonProps) {
  const classes = `icon-btn btn-${variant} icon-btn-${size}${className ? ` ${className}` : ''}`;
  if (sharedTooltip) {
    const side = tooltipSide === 'top' || tooltipSide === 'bottom' ? tooltipSide : undefined;
    return (
      <button
        type={type}
        aria-label={label}
        className={classes}
        {...tooltipProps(label, side)}
        {...rest}
      >
        {icon}
      </button>
    );
  }
  return (
    <Tooltip label={label} shortcut={shortcut} side={tooltipSide}>
      <button type={type} aria-label={label} className={classes} {...rest}>
        {icon}
      </button>
    </Tooltip>
  );
}
