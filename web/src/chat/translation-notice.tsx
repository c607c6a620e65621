import { useState } from 'react';
import { useMessages } from '../i18n/i18n.tsx';
import { ErrorNotice } from '../ui/feedback.tsx';
import { useAction, useAsync } from '../ui/use-async.ts';
import { getSettings, putSettings, type ChatSettings } from './chat-api.ts';
import { chatMessages } from './messages.ts';

// Sending personal text to an AI provider abroad is a cross-border transfer (PIPA): the chat says plainly
// who translates and where, and lets each user keep their own messages away from the provider. With no
// provider, a plain note that messages are shown as written.

export function TranslationNotice() {
  const m = useMessages(chatMessages).translation;
  const loaded = useAsync(getSettings, []);
  const [saved, setSaved] = useState<ChatSettings>();
  const save = useAction(async (on: boolean) => setSaved(await putSettings(on)));
  const settings = saved ?? loaded.data;
  if (!settings) return null;
  const provider = settings.translationProvider;
  return (
    <aside className="chat-notice" aria-label={m.title}>
      {provider ? (
        <>
          <p>{m.provider(provider.name, provider.processedIn)}</p>
          <label className="chat-switch">
            <input type="checkbox" role="switch" checked={settings.translation} disabled={save.pending} onChange={(e) => void save.run(e.target.checked)} />
            {m.toggle}
          </label>
          {!settings.translation && <p className="field-hint">{m.offHint}</p>}
          <ErrorNotice problem={save.problem} />
        </>
      ) : (
        <p>{m.none}</p>
      )}
    </aside>
  );
}
