/** IPC channel names. Kept apart from the route table so the preload does not bundle zod. */
export const IPC_INVOKE_CHANNEL = 'fleece:invoke';
export const IPC_EVENT_CHANNEL = 'fleece:event';
