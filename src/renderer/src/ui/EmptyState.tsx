import type { ReactNode } from 'react';

/**
 * A designed empty screen or list: an icon, a title and one helpful line. As an alert (something
 * that should be there did not come) its icon takes the danger colours.
 */
export function EmptyState(props: {
  icon: ReactNode;
  title: string;
  hint?: ReactNode;
  compact?: boolean;
  role?: 'status' | 'alert';
  children?: ReactNode;
}) {
  const role = props.role ?? 'status';
  const classes = ['empty-state'];
  if (props.compact) classes.push('empty-state-compact');
  if (role === 'alert') classes.push('empty-state-alert');
  return (
    <div className={classes.join(' ')} role={role}>
      <span className="empty-state-icon" aria-hidden="true">
        {props.icon}
      </span>
      <p className="empty-state-title">{props.title}</p>
      {props.hint ? <p className="empty-state-hint">{props.hint}</p> : null}
      {props.children}
    </div>
  );
}
