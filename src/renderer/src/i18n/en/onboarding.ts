const onboarding = {
  title: 'Welcome to Fleece',
  intro:
    'Connect to a relay to start chatting. HolySheep gives one key for GPT, Claude, DeepSeek and more.',
  provider: 'Provider',
  baseUrl: 'Base URL',
  apiKey: 'API key',
  getKey: 'No key yet?',
  getKeyLink: 'Get a HolySheep key',
  model: 'Model',
  save: 'Save',
  back: 'Back to conversations',
  checking: 'Checking the connection…',
  keychain: "Your key is kept in the system keychain, not in Fleece's files.",
  keychainSession:
    'No system keychain this time: your key is kept for this session only, never written to disk.',
  card: {
    title: 'Connect a relay to send messages',
    body: 'Your conversations stay readable, searchable and exportable without one.',
    open: 'Set up a connection',
  },
  env: {
    title: 'Key found in the environment',
    found: 'OPENAI_API_KEY ({{masked}}) is set for {{url}}. Import it as a profile?',
    import: 'Import from environment',
  },
  local: {
    title: 'Local server found',
    found: '{{name}} is running at {{url}}. Models available: {{count}}.',
    use: 'Use this server',
  },
};
export default onboarding;
