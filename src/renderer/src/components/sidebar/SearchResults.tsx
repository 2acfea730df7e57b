import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResult } from '../../../../shared/types/history';
import { SearchX } from 'lucide-react';
import { useAppStore, useStoreApi } from '../../store/StoreContext';
import { EmptyState } from '../../ui/EmptyState';
import { groupSearchResults, hitKind, type SearchGroup } from './searchGroups';
import './search.css';

/** Splits a snippet into plain and highlighted parts from the match ranges (no HTML involved). */
export function highlightParts(
  snippet: string,
  ranges: [number, number][],
): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < at || end <= start || end > snippet.length) continue;
    if (start > at) parts.push({ text: snippet.slice(at, start), hit: false });
    parts.push({ text: snippet.slice(start, end), hit: true });
    at = end;
  }
  if (at < snippet.length) parts.push({ text: snippet.slice(at), hit: false });
  return parts;
}

function ResultItem({ result }: { result: SearchResult }) {
  const { t } = useTranslation();
  const store = useStoreApi();
  const kind = hitKind(result.role);
  return (
    <li className="search-result" data-testid="search-result" data-kind={kind}>
      <button
        type="button"
        onClick={() => void store.getState().conversationActions.openSearchResult(result)}
      >
        <span className="search-result-snippet">
          <span className="search-result-kind" data-kind={kind} data-testid="search-result-kind">
            {t(`sidebar.kind.${kind}`)}
          </span>
          {highlightParts(result.snippet, result.ranges).map((p, i) =>
            p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>,
          )}
        </span>
      </button>
    </li>
  );
}

function ResultGroup({ group }: { group: SearchGroup }) {
  const { t } = useTranslation();
  const store = useStoreApi();
  const title = group.title || t('sidebar.untitled');
  const count = t('sidebar.matchCount', { count: group.hits.length });
  return (
    <li className="search-group" data-testid="search-group" aria-label={title}>
      <button
        type="button"
        className="search-group-header"
        onClick={() => void store.getState().conversationActions.select(group.conversationId)}
      >
        <span className="search-group-title" data-testid="search-group-title">
          {title}
        </span>
        <span className="search-group-count" title={count} data-testid="search-group-count">
          <span aria-hidden="true">{group.hits.length}</span>
          <span className="visually-hidden">{count}</span>
        </span>
      </button>
      <ul>
        {group.hits.map((r) => (
          <ResultItem key={r.messageId ?? 'title'} result={r} />
        ))}
      </ul>
    </li>
  );
}

export function SearchResults() {
  const { t } = useTranslation();
  const search = useAppStore((s) => s.search);
  const store = useStoreApi();
  const groups = useMemo(() => groupSearchResults(search.results), [search.results]);
  if (search.loading && search.results.length === 0)
    return (
      <p role="status" className="sidebar-status">
        {t('sidebar.searching')}
      </p>
    );
  if (search.results.length === 0)
    return (
      <EmptyState
        compact
        icon={<SearchX size={22} />}
        title={t('sidebar.noResults')}
        hint={t('sidebar.noResultsHint')}
      />
    );
  return (
    <>
      <ul className="search-results" aria-label={t('sidebar.resultsLabel')}>
        {groups.map((g) => (
          <ResultGroup key={g.conversationId} group={g} />
        ))}
      </ul>
      {search.nextCursor ? (
        <button
          type="button"
          className="btn btn-ghost btn-sm load-more"
          onClick={() => void store.getState().conversationActions.searchMore()}
        >
          {t('sidebar.moreResults')}
        </button>
      ) : null}
    </>
  );
}
