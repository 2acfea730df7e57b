const common = {
  dismiss: 'Dismiss',
  offline: {
    title: 'Offline.',
    body: 'The relay cannot be reached, so sending is unavailable. Your conversations and search still work.',
    retry: 'Try again',
  },
  notice: {
    history_recovered:
      'The conversation database was damaged, so it was moved aside and a fresh one was started. Nothing was deleted; the old file is here:',
    settings_recovered:
      'The settings file could not be read, so it was set aside and the defaults are in use. The old file is here:',
    keychain_unavailable:
      'No OS keychain is available: API keys are kept for this session only and never written to disk.',
  },
  sidebar: {
    label: 'Conversations',
    newChat: 'New chat',
    search: 'Search conversations',
    searchPlaceholder: 'Search conversations (Ctrl+K)',
    searching: 'Searching…',
    noResults: 'No matches.',
    resultsLabel: 'Search results',
    moreResults: 'More results',
    loadMore: 'Load older conversations',
    untitled: 'New conversation',
    pinned: 'Pinned',
    moreActions: 'More actions for “{{title}}”',
    exportMarkdown: 'Export as Markdown',
    rename: 'Rename',
    renameLabel: 'Conversation title',
    pin: 'Pin',
    unpin: 'Unpin',
    delete: 'Delete',
    deleted: '“{{title}}” moved to the trash.',
    undo: 'Undo',
    usage: 'Usage',
    settings: 'Settings',
    group: {
      pinned: 'Pinned',
      today: 'Today',
      yesterday: 'Yesterday',
      week: 'Previous 7 days',
      older: 'Older',
    },
  },
  renderError: {
    message: 'This message could not be displayed normally, so its text is shown as written.',
    list: 'This conversation could not be displayed normally, so its messages are shown as plain text.',
    screen:
      'This screen could not be displayed. The other screens still work; the details were written to the developer console.',
  },
};
export default common;
