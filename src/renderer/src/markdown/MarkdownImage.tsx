import { useState, type ComponentPropsWithoutRef, type MouseEvent } from 'react';
import type { ExtraProps } from 'react-markdown';
import { useMarkdownEnvironment } from './markdownContext';
import { classifyImage, isImageDataUrl } from './urlPolicy';

type RemoteState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'failed' }
  | { status: 'loaded'; dataUrl: string };

// Images the user already asked for stay shown when their message scrolls out of the virtualised
// list and back. Bounded, as each entry is a whole image.
const MAX_REMEMBERED = 32;
const remembered = new Map<string, string>();
function remember(url: string, dataUrl: string): void {
  remembered.delete(url);
  remembered.set(url, dataUrl);
  if (remembered.size > MAX_REMEMBERED) {
    const oldest = remembered.keys().next();
    if (!oldest.done) remembered.delete(oldest.value);
  }
}

/**
 * Replaces react-markdown's <img>. Nothing is fetched on its own: raster data: images show as
 * they are, http(s) images wait behind a button (main fetches them and returns a data: URL),
 * any other scheme shows its alt text only.
 */
export function MarkdownImage({ src, alt }: ComponentPropsWithoutRef<'img'> & ExtraProps) {
  const source = classifyImage(typeof src === 'string' ? src : undefined);
  if (source.kind === 'inline')
    return <img className="md-image" src={source.url} alt={alt ?? ''} />;
  if (source.kind === 'blocked') return alt ? <span className="md-image-alt">{alt}</span> : null;
  return <RemoteImage key={source.url} url={source.url} host={source.host} alt={alt ?? ''} />;
}

function RemoteImage({ url, host, alt }: { url: string; host: string; alt: string }) {
  const { labels, loadImage } = useMarkdownEnvironment();
  const [state, setState] = useState<RemoteState>(() => {
    const dataUrl = remembered.get(url);
    return dataUrl ? { status: 'loaded', dataUrl } : { status: 'idle' };
  });

  if (state.status === 'loaded')
    return <img className="md-image" src={state.dataUrl} alt={alt} title={url} />;

  const load = (event: MouseEvent<HTMLButtonElement>) => {
    // The image may sit inside a link: loading it must not also open the link.
    event.preventDefault();
    event.stopPropagation();
    setState({ status: 'loading' });
    loadImage(url)
      .then((dataUrl) => {
        if (!isImageDataUrl(dataUrl)) throw new Error('Not an image data URL');
        remember(url, dataUrl);
        setState({ status: 'loaded', dataUrl });
      })
      .catch(() => setState({ status: 'failed' }));
  };

  const loading = state.status === 'loading';
  return (
    <span className="md-image-placeholder" data-status={state.status}>
      <button type="button" className="md-image-load" onClick={load} disabled={loading} title={url}>
        {loading ? labels.loadingImage : labels.loadImage.replace('{host}', host)}
      </button>
      {alt ? <span className="md-image-alt">{alt}</span> : null}
      {state.status === 'failed' ? (
        <span className="md-image-error">{labels.imageFailed}</span>
      ) : null}
    </span>
  );
}
