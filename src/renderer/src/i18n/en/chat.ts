const chat = {
  view: {
    label: 'Conversation',
    newChat: 'New chat',
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
  markdown: {
    copy: 'Copy',
    copied: 'Copied',
    copyFailed: 'Copy failed',
    plainText: 'text',
    loadImage: 'Load image from {host}',
    loadingImage: 'Loading image…',
    imageFailed: 'The image could not be loaded.',
    taskDone: 'Done',
    taskOpen: 'Not done',
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
    label: 'Message',
    placeholder: 'Message (Enter to send, Shift+Enter for a new line)',
    send: 'Send',
  },
  model: {
    label: 'Model',
    refresh: 'Refresh models',
    cached: 'Offline: showing the saved model list.',
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
};
export default chat;
