import {
  BookText,
  Bug,
  Database,
  FlaskConical,
  GitCommitHorizontal,
  Languages,
  Regex,
  ScrollText,
  SearchCode,
  SquareTerminal,
  WandSparkles,
  Waypoints,
  type LucideIcon,
} from 'lucide-react';

/** What each prompt that ships with Fleece is for, at a glance. */
const BUILTIN_ICONS: Readonly<Record<string, LucideIcon>> = {
  'builtin:code-review': SearchCode,
  'builtin:explain-error': Bug,
  'builtin:commit-message': GitCommitHorizontal,
  'builtin:translate-en-vi': Languages,
  'builtin:translate-en-zh': Languages,
  'builtin:sql': Database,
  'builtin:regex': Regex,
  'builtin:log-summary': ScrollText,
  'builtin:unit-tests': FlaskConical,
  'builtin:refactor': WandSparkles,
  'builtin:api-review': Waypoints,
  'builtin:shell': SquareTerminal,
};

/** A prompt's icon: its own for a built-in one, a book for the user's. */
export function promptIcon(id: string): LucideIcon {
  return BUILTIN_ICONS[id] ?? BookText;
}
