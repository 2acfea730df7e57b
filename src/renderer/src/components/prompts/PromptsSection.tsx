import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Copy, Download, Eye, EyeOff, Pencil, Plus, Trash2, Upload } from 'lucide-react';
import type { PromptFields, SavedPrompt } from '../../../../shared/types/prompts';
import { useAppStore, useStoreApi } from '../../store/StoreContext';
import { Button } from '../../ui/Button';
import { IconButton } from '../../ui/IconButton';
import { PromptDialog } from './PromptDialog';
import { ConfirmDialog } from '../settings/ConfirmDialog';
import { usePromptList } from './usePromptList';
import './prompts.css';

const BLANK: PromptFields = {
  name: '',
  systemPrompt: '',
  model: null,
  temperature: null,
  firstMessage: '',
};

type Editing =
  { kind: 'new'; initial: PromptFields } | { kind: 'edit'; id: string; initial: PromptFields };

function fieldsOf(p: SavedPrompt): PromptFields {
  return {
    name: p.name,
    systemPrompt: p.systemPrompt,
    model: p.model,
    temperature: p.temperature,
    firstMessage: p.firstMessage,
  };
}

/** Settings → Prompts: the library, with built-ins to copy or hide, import and export. */
export function PromptsSection() {
  const { t } = useTranslation('chat');
  const store = useStoreApi();
  const prompts = usePromptList();
  const hidden = useAppStore((s) => s.prompts.hidden);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<SavedPrompt | null>(null);
  const actions = () => store.getState().promptActions;

  return (
    <section aria-labelledby="prompts-title" className="settings-section">
      <h2 id="prompts-title">{t('prompts.libraryTitle')}</h2>
      <p className="prompt-library-text-wrap">{t('prompts.libraryHint')}</p>
      <div className="prompt-library-actions">
        <Button
          variant="primary"
          icon={<Plus size={16} aria-hidden="true" />}
          onClick={() => setEditing({ kind: 'new', initial: BLANK })}
        >
          {t('prompts.new')}
        </Button>
        <Button
          icon={<Upload size={16} aria-hidden="true" />}
          onClick={() =>
            void actions()
              .importFile()
              .then(
                (r) =>
                  r && setStatus(t('prompts.imported', { added: r.added, skipped: r.skipped })),
              )
          }
        >
          {t('prompts.import')}
        </Button>
        <Button
          icon={<Download size={16} aria-hidden="true" />}
          onClick={() =>
            void actions()
              .exportFile()
              .then(
                (r) => r && setStatus(t('prompts.exported', { count: r.count, path: r.savedTo })),
              )
          }
        >
          {t('prompts.export')}
        </Button>
      </div>
      {status ? (
        <p role="status" className="prompt-library-text-wrap" data-testid="prompts-status">
          {status}
        </p>
      ) : null}
      <ul className="prompt-library" aria-label={t('prompts.libraryTitle')}>
        {prompts.map((p) => (
          <li key={p.id} className="prompt-library-row" data-testid="prompt-row">
            <div className="prompt-library-main">
              <span className="prompt-library-name">{p.name}</span>
              {p.builtin ? <span className="prompt-badge"> · {t('prompts.builtin')}</span> : null}
              <p className="prompt-library-text">{p.systemPrompt}</p>
            </div>
            {p.builtin ? (
              <>
                <IconButton
                  size="sm"
                  label={t('prompts.copyNamed', { name: p.name })}
                  icon={<Copy size={15} aria-hidden="true" />}
                  onClick={() =>
                    setEditing({
                      kind: 'new',
                      initial: { ...fieldsOf(p), name: t('prompts.copyName', { name: p.name }) },
                    })
                  }
                />
                <IconButton
                  size="sm"
                  label={t('prompts.hideNamed', { name: p.name })}
                  icon={<EyeOff size={15} aria-hidden="true" />}
                  onClick={() => void actions().setHidden(p.id, true)}
                />
              </>
            ) : (
              <>
                <IconButton
                  size="sm"
                  label={t('prompts.editNamed', { name: p.name })}
                  icon={<Pencil size={15} aria-hidden="true" />}
                  onClick={() => setEditing({ kind: 'edit', id: p.id, initial: fieldsOf(p) })}
                />
                <IconButton
                  size="sm"
                  label={t('prompts.deleteNamed', { name: p.name })}
                  icon={<Trash2 size={15} aria-hidden="true" />}
                  onClick={() => setDeleting(p)}
                />
              </>
            )}
          </li>
        ))}
      </ul>
      {hidden.length > 0 ? (
        <>
          <h3 className="prompt-library-section">{t('prompts.hiddenTitle')}</h3>
          <ul className="prompt-library" aria-label={t('prompts.hiddenTitle')}>
            {hidden.map((h) => (
              <li key={h.id} className="prompt-library-row">
                <span className="prompt-library-main">{h.name}</span>
                <IconButton
                  size="sm"
                  label={t('prompts.showNamed', { name: h.name })}
                  icon={<Eye size={15} aria-hidden="true" />}
                  onClick={() => void actions().setHidden(h.id, false)}
                />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={t('prompts.deleteTitle', { name: deleting?.name ?? '' })}
        body={t('prompts.deleteBody')}
        confirmLabel={t('prompts.deleteConfirm')}
        cancelLabel={t('prompts.cancel')}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          const id = deleting?.id;
          setDeleting(null);
          if (id) void actions().remove(id);
        }}
      />
      <PromptDialog
        open={editing !== null}
        title={editing?.kind === 'edit' ? t('prompts.editTitle') : t('prompts.newTitle')}
        initial={editing?.initial ?? BLANK}
        onCancel={() => setEditing(null)}
        onSave={async (fields) => {
          if (!editing) return false;
          const saved =
            editing.kind === 'edit'
              ? await actions().update(editing.id, fields)
              : await actions().create(fields);
          if (saved) setEditing(null);
          return saved !== null;
        }}
      />
    </section>
  );
}
