const common = {
  close: 'Close',
  dismiss: 'Dismiss',
  offline: {
    title: 'Offline.',
    body: 'The relay cannot be reached, so sending is unavailable. Your conversations and search still work.',
    retry: 'Try again',
  },
  notice: {
    history_read_only:
      'Your history was written by a newer Fleece, so it is open read-only: you can browse and search, but nothing new is saved. Update Fleece to keep chatting. The file:',
    history_salvaged:
      'Damage was found in the conversation database. Running answers were stopped and saved first, then {{conversations}} conversations and {{messages}} messages were recovered into a fresh file. The damaged file is kept here:',
    history_recovered:
      'The conversation database was damaged, so it was moved aside and a fresh one was started. Nothing was deleted; the old file is here:',
    settings_recovered:
      'The settings file could not be read, so it was set aside and the defaults are in use. The old file is here:',
    keychain_unavailable:
      'No OS keychain is available: API keys are kept for this session only and never written to disk.',
  },
  storage: {
    answerUnsaved:
      'Not saved yet: the disk refused it. The whole answer is kept and saved as soon as the disk accepts writes.',
    storage_full: {
      title: 'The disk is full: Fleece cannot save.',
      fix: 'Free some space on this disk. Nothing you see is lost: Fleece keeps it in memory and saves it as soon as there is room.',
    },
    storage_read_only: {
      title: 'The data folder is read-only: Fleece cannot save.',
      fix: 'Make the folder writable again (or remount the disk read-write). What you see is kept in memory until then.',
    },
    storage_denied: {
      title: 'Fleece is not allowed to write to its data folder.',
      fix: 'Give your user write permission on the folder below (after a sudo run it may belong to another user).',
    },
    storage_io: {
      title: 'The disk reported an error while Fleece was saving.',
      fix: 'Check the disk. Fleece tries the waiting writes again every few seconds.',
    },
    unsaved: 'Answers waiting to be saved: {{count}}.',
  },
  notices: {
    label: 'Notices',
    previous: 'Previous notice',
    next: 'Next notice',
    count: '{{index}} of {{total}}',
  },
  toasts: {
    label: 'Notifications',
  },
  shortcuts: {
    title: 'Keyboard shortcuts',
    groups: {
      app: 'Anywhere',
      composer: 'Writing a message',
      conversation: 'Conversation list',
    },
    items: {
      newChat: 'New chat',
      search: 'Search conversations',
      settings: 'Open settings',
      toggleSidebar: 'Show or hide the sidebar',
      shortcuts: 'Show keyboard shortcuts',
      stop: 'Stop the answer',
      send: 'Send',
      newline: 'New line',
      editLast: 'Edit your last message (empty box)',
      rename: 'Rename',
      pin: 'Pin or unpin',
      delete: 'Delete',
      rowMenu: 'More actions',
    },
  },
  sidebar: {
    label: 'Conversations',
    newChat: 'New chat',
    search: 'Search conversations',
    searchPlaceholder: 'Search ({{keys}})',
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
    streaming: 'Answering…',
    expand: 'Expand sidebar',
    collapse: 'Collapse sidebar',
    emptyTitle: 'No conversations yet',
    emptyHint: 'Start one with New chat ({{keys}}).',
    noResultsHint: 'Try other words: accents and letter case do not matter.',
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
