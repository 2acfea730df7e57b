const chat = {
  view: {
    label: 'Conversation',
    newChat: 'New chat',
    emptyTitle: 'Start a conversation',
    empty: 'Ask anything. Your conversations stay on this computer.',
    conversationSettings: 'Conversation settings',
  },
  list: {
    label: 'Messages',
    jumpToLatest: 'Jump to latest',
  },
  message: {
    you: 'You',
    assistant: 'Assistant',
    waiting: 'Waiting for the first token',
  },
  action: {
    stop: 'Stop',
    continue: 'Continue',
    copy: 'Copy',
    copied: 'Copied',
    regenerate: 'Regenerate',
    edit: 'Edit',
    delete: 'Delete',
  },
  editor: {
    label: 'Edit message',
    resend: 'Save and resend',
    cancel: 'Cancel',
  },
  composer: {
    tooLong:
      'Your message is {{size}} MB; the limit is {{limit}} MB. Shorten it or send it in parts.',
    label: 'Message',
    placeholder: 'Message (Enter to send, Shift+Enter for a new line)',
    send: 'Send',
  },
  model: {
    label: 'Model',
    refresh: 'Refresh models',
    cached: 'Offline: showing the saved model list.',
    moreHidden: '{{number}} more models match: type part of a name to narrow the list.',
  },
  reasoning: {
    title: 'Reasoning',
    thinking: 'Thinking…',
    thoughtFor: 'Thought for {{duration}}',
  },
  footer: {
    tokens: '{{prompt}} in · {{completion}} out tokens',
    estimated: 'estimated',
    cost: 'cost {{cost}}',
    costUnknown: 'cost —',
    ttft: 'first token {{ms}}',
    speed: '{{tps}} tokens/s',
  },
  settings: {
    systemPrompt: 'System prompt',
    temperature: 'Temperature (0–2)',
    temperatureDefault: 'Profile default',
    temperatureInvalid: 'Temperature must be a number from 0 to 2.',
    apply: 'Apply',
  },
  markdown: {
    plainFallback: 'Shown as plain text: this part is too large or too deeply nested to format.',
    linkConfirmTitle: 'Open this link?',
    linkMismatch: 'The link text shows a different address from the one it opens.',
    linkLocal: 'This link leads to this computer or your local network.',
    linkOpen: 'Open link',
    linkCancel: 'Cancel',
  },
  long: {
    showAll: 'Show all',
    showLess: 'Show less',
  },
};
export default chat;
