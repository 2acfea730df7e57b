const settings = {
  title: 'Settings',
  tabs: {
    general: 'General',
    profiles: 'Profiles',
    models: 'Models & prices',
    data: 'Data',
    shortcuts: 'Shortcuts',
    about: 'About',
  },
  about: {
    tagline: 'A desktop chat app for OpenAI-compatible relays.',
    version: 'Version',
    dataFolder: 'Data folder',
    licence: 'Licence',
    thirdParty: 'Open-source software inside Fleece',
  },
  profiles: {
    title: 'Connection profiles',
    edit: 'Profile',
    activeMark: 'in use',
    useThis: 'Use this profile',
    delete: 'Delete profile',
    confirmDelete: 'Delete the profile “{{name}}” and its stored key?',
    newFrom: 'New profile from',
    none: 'No profile yet: add one below.',
    addTitle: 'Add a profile',
    add: 'Add profile',
  },
  profile: {
    name: 'Name',
    baseUrl: 'Base URL',
    apiKey: 'API key',
    keyPlaceholder: 'Paste the key (it is stored in the OS keychain)',
    keyOptional: 'Not needed for this server',
    model: 'Model',
    advanced: 'Defaults, fallbacks and timeouts',
    systemPrompt: 'Default system prompt for new conversations',
    temperature: 'Default temperature (0–2, empty: the model’s own)',
    temperatureInvalid: 'Temperature must be a number from 0 to 2.',
    fallbacks: 'Fallback base URLs (one per line)',
    connectTimeout: 'Connect timeout (seconds)',
    idleTimeout: 'Idle timeout (seconds)',
    timeoutInvalid: 'Timeouts must be positive numbers of seconds.',
    allowInsecure:
      'I understand: this server uses plain http, so my key and messages travel unencrypted.',
    keyRemoved:
      'The key was removed because the profile now points to another server. Paste the key for that server.',
    save: 'Save',
    saved: 'Saved.',
  },
  key: {
    none: 'No key stored.',
    currentKeychain: 'Key {{masked}} is stored in the OS keychain.',
    currentSession: 'Key {{masked}} is kept for this session only.',
    sessionOnly:
      'The OS keychain is not available, so the key is kept in memory until Fleece closes and is never written to disk.',
    clear: 'Remove key',
  },
  probe: {
    button: 'Test connection',
    running: 'Testing…',
    ttft: 'Time to first token: {{ms}}',
    noTtft: 'Time to first token could not be measured.',
    finding: {
      stream_ok:
        'Answers stream as they are written ({{pieces}} pieces in {{reads}} network reads).',
      stream_buffered:
        'The whole answer arrived at once after {{ttft}} ms: something between you and the relay (a proxy, VPN or antivirus) buffers the stream, so text will not appear word by word.',
      stream_partly_buffered:
        'The answer arrived in {{reads}} blocks for {{pieces}} pieces: something between you and the relay (a proxy, VPN or antivirus) partly buffers the stream, so text will appear in jumps.',
      stream_too_short:
        'The answer was too short to tell whether it streams ({{pieces}} pieces, {{needed}} needed).',
    },
    status: {
      ok: 'OK',
      warn: 'Warning',
      fail: 'Failed',
      skipped: 'Skipped',
    },
  },
  prefs: {
    title: 'Preferences',
    language: 'Language',
    systemLanguage: 'Same as the system',
    theme: 'Theme',
    themes: {
      system: 'Same as the system',
      light: 'Light',
      dark: 'Dark',
    },
    answerLimitMb: 'Largest answer (MB of text)',
    answerLimitMinutes: 'Longest answer (minutes)',
    answerLimitsNote:
      'Fleece stops an answer that passes either limit and keeps the text up to that point, so a faulty relay cannot fill the memory or the disk.',
  },
  prices: {
    title: 'Prices per million tokens',
  },
  data: {
    title: 'Your data',
    location: 'Conversations and settings are stored in {{dir}}',
    export: 'Export all conversations (JSON)',
    import: 'Import conversations (JSON)',
    exporting: 'Exporting…',
    exported: 'Saved {{conversations}} conversations ({{messages}} messages) to {{path}}',
    importProgress: 'Importing… {{done}} of {{total}} conversations',
    importChecking: 'Reading and checking the file…',
    importCancel: 'Cancel import',
    importCancelled:
      'Import cancelled: {{conversations}} new conversations and {{messages}} messages were added before it stopped. Import the file again to add the rest.',
    importTooLarge:
      'This file is {{size}} MB; imports are limited to {{limit}} MB. Nothing was imported.',
    importTooNew:
      'This export was made by a newer version of Fleece (format {{version}}). Update Fleece to import it; nothing was imported.',
    imported:
      'Imported {{conversations}} new conversations and {{messages}} messages ({{skipped}} already present).',
  },
};
export default settings;
