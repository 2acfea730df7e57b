import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BookmarkPlus } from 'lucide-react';
import type { Conversation } from '../../../../shared/types/history';
import { useStoreApi } from '../../store/StoreContext';
import { IconButton } from '../../ui/IconButton';
import { lazyModule, useLazyModule } from '../../lazyModule';

/** The prompt form (and its model and profile choices): asked for when the button is pressed. */
const promptDialog = lazyModule(() => import('./PromptDialog'));

/** "Save as prompt": the conversation's system prompt, model and temperature, named. */
export function SaveAsPromptButton({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation('chat');
  const store = useStoreApi();
  const [open, setOpen] = useState(false);
  const dialog = useLazyModule(promptDialog, open);
  const PromptDialog = dialog?.PromptDialog;
  return (
    <>
      <IconButton
        label={t('prompts.saveAs')}
        icon={<BookmarkPlus size={18} aria-hidden="true" />}
        onClick={() => setOpen(true)}
      />
      {PromptDialog ? (
        <PromptDialog
          open={open}
          title={t('prompts.saveAsTitle')}
          initial={{
            name: conversation.title,
            systemPrompt: conversation.systemPrompt ?? '',
            model: conversation.model
              ? { model: conversation.model, profileId: conversation.profileId }
              : null,
            temperature: conversation.temperature,
            firstMessage: '',
          }}
          onCancel={() => setOpen(false)}
          onSave={async (fields) => {
            const saved = await store.getState().promptActions.create(fields);
            if (saved) setOpen(false);
            return saved !== null;
          }}
        />
      ) : null}
    </>
  );
}
