import type { ReactNode } from 'react';

/** A designed empty screen or list: an icon, a title and one helpful line. */
export function EmptyState(props: {
  icon: ReactNode;
  title: string;
  hint?: ReactNode;
  compact?: boolean;
  children?: ReactNode;
}) {
  return (
    <div className={`empty-state${props.compact ? ' empty-state-compact' : ''}`} role="status">
      <span className="empty-state-icon" aria-hidden="true">
        {props.icon}
      </span>
      <p className="empty-state-title">{props.title}</p>
      {props.hint ? <p className="empty-state-hint">{props.hint}</p> : null}
      {props.children}
    </div>
  );
}
