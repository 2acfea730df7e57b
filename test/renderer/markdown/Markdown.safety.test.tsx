import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Markdown } from '../../../src/renderer/src/markdown';

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

function show(
  text: string,
  onOpenLink = vi.fn(),
  onLoadImage = vi.fn<(url: string) => Promise<string>>(),
) {
  const view = render(
    <Markdown text={text} streaming={false} onOpenLink={onOpenLink} onLoadImage={onLoadImage} />,
  );
  return { ...view, onOpenLink, onLoadImage };
}

describe('raw HTML', () => {
  it('never turns HTML in the text into elements, and shows it as text', () => {
    const text = [
      '<script>window.pwned = 1</script>',
      '',
      '<iframe src="https://evil.example"></iframe>',
      '',
      '<style>body { display: none }</style>',
      '',
      'Inline <img src=x onerror="window.pwned = 2"> and <a href="javascript:alert(1)">a</a> and <svg onload="alert(1)"></svg>.',
      '',
      '<div onclick="alert(1)">',
      '',
      '**still markdown**',
      '',
      '</div>',
      '',
      '<object data="x"></object><embed src="x"><form action="https://e"><input name=q></form>',
    ].join('\n');
    const { container } = show(text);
    expect(
      container.querySelector('script, iframe, style, img, svg, object, embed, form, div[onclick]'),
    ).toBeNull();
    expect(container.querySelector('input')).toBeNull();
    expect(container.querySelector('[onerror], [onload], [onclick]')).toBeNull();
    expect(container).toHaveTextContent('<script>window.pwned = 1</script>');
    expect(container).toHaveTextContent('<iframe src="https://evil.example"></iframe>');
    expect(container).toHaveTextContent('<img src=x onerror="window.pwned = 2">');
    expect(container.querySelector('strong')).toHaveTextContent('still markdown');
    expect(screen.queryByRole('link')).toBeNull();
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('keeps a model-written HTML block as one readable preformatted paragraph', () => {
    const { container } = show('<table>\n  <tr><td>x</td></tr>\n</table>');
    const block = container.querySelector('p.md-raw-html');
    expect(block?.textContent).toBe('<table>\n  <tr><td>x</td></tr>\n</table>');
    expect(container.querySelector('table, td')).toBeNull();
  });
});

describe('links', () => {
  it('renders javascript:, file:, data:, vbscript: and relative links as plain text', () => {
    const { container } = show(
      [
        '[js](javascript:alert(1)) [JS](JAVASCRIPT:alert(1)) [spaced]( javascript:alert(1))',
        '[file](file:///etc/passwd) [data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:msgbox)',
        '[rel](../secret) [anchor](#top) [proto](//evil.example/x) <javascript:alert(1)> [ftp](ftp://x.org)',
      ].join('\n'),
    );
    expect(screen.queryByRole('link')).toBeNull();
    expect(container.querySelector('a')).toBeNull();
    for (const label of [
      'js',
      'JS',
      'spaced',
      'file',
      'data',
      'vb',
      'rel',
      'anchor',
      'proto',
      'ftp',
    ]) {
      expect(screen.getByText(label)).toBeInTheDocument();
    }
  });

  it('opens http(s) links through onOpenLink without navigating the window', async () => {
    const user = userEvent.setup();
    const { onOpenLink } = show(
      'Read [the guide](https://docs.example.com/guide?x=1#y "Guide") now.',
    );
    const link = screen.getByRole('link', { name: 'the guide' });
    expect(link).toHaveAttribute('href', 'https://docs.example.com/guide?x=1#y');
    expect(link).toHaveAttribute('title', 'https://docs.example.com/guide?x=1#y');
    const before = window.location.href;
    await user.click(link);
    expect(onOpenLink).toHaveBeenCalledExactlyOnceWith('https://docs.example.com/guide?x=1#y');
    expect(window.location.href).toBe(before);
    // The click's default action (navigation) is cancelled, for keyboard activation too.
    expect(fireEvent.click(link)).toBe(false);
    link.focus();
    await user.keyboard('{Enter}');
    expect(onOpenLink).toHaveBeenCalledTimes(3);
    expect(window.location.href).toBe(before);
  });

  it('routes a middle click the same way', () => {
    const { onOpenLink } = show('[site](http://example.com)');
    const link = screen.getByRole('link', { name: 'site' });
    expect(
      fireEvent(link, new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 1 })),
    ).toBe(false);
    expect(onOpenLink).toHaveBeenCalledExactlyOnceWith('http://example.com/');
  });

  it('opens mailto links and shows punycode for lookalike hosts', async () => {
    const user = userEvent.setup();
    const { onOpenLink } = show('[mail](mailto:team@example.com) [bank](https://раypal.com/login)');
    await user.click(screen.getByRole('link', { name: 'mail' }));
    expect(onOpenLink).toHaveBeenCalledWith('mailto:team@example.com');
    expect(screen.getByRole('link', { name: 'bank' })).toHaveAttribute(
      'title',
      'https://xn--ypal-43d9g.com/login',
    );
  });

  it('calls the latest onOpenLink after the parent passes a new one', async () => {
    const user = userEvent.setup();
    const first = vi.fn();
    const second = vi.fn();
    const { rerender } = render(
      <Markdown
        text="[x](https://a.example)"
        streaming={false}
        onOpenLink={first}
        onLoadImage={vi.fn()}
      />,
    );
    rerender(
      <Markdown
        text="[x](https://a.example)"
        streaming={false}
        onOpenLink={second}
        onLoadImage={vi.fn()}
      />,
    );
    await user.click(screen.getByRole('link', { name: 'x' }));
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith('https://a.example/');
  });

  it('does not let KaTeX make links', () => {
    const { container } = show(
      '$\\href{javascript:alert(1)}{click}$ and $\\url{https://e.example}$',
    );
    expect(container.querySelector('a')).toBeNull();
  });
});

describe('images', () => {
  it('shows a placeholder and fetches nothing until clicked, then shows the data URL', async () => {
    const user = userEvent.setup();
    const onLoadImage = vi.fn((_url: string) => Promise.resolve(PNG));
    const { container } = show(
      'Chart: ![Quarterly revenue](https://img.example.com/chart.png)',
      vi.fn(),
      onLoadImage,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(onLoadImage).not.toHaveBeenCalled();
    expect(screen.getByText('Quarterly revenue')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Load image from img.example.com' }));
    expect(onLoadImage).toHaveBeenCalledExactlyOnceWith('https://img.example.com/chart.png');
    const image = await screen.findByRole('img', { name: 'Quarterly revenue' });
    expect(image).toHaveAttribute('src', PNG);
    expect(container.querySelectorAll('img')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: /Load image/ })).toBeNull();
  });

  it('says so when loading fails, and lets the user try again', async () => {
    const user = userEvent.setup();
    const onLoadImage = vi
      .fn<(url: string) => Promise<string>>()
      .mockRejectedValueOnce(new Error('404'))
      .mockResolvedValueOnce(PNG);
    const { container } = show('![logo](https://cdn.example.net/logo.png)', vi.fn(), onLoadImage);
    await user.click(screen.getByRole('button', { name: 'Load image from cdn.example.net' }));
    expect(await screen.findByText('The image could not be loaded.')).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Load image from cdn.example.net' }));
    expect(await screen.findByRole('img', { name: 'logo' })).toHaveAttribute('src', PNG);
  });

  it('refuses anything but a data:image URL from the loader', async () => {
    const user = userEvent.setup();
    const onLoadImage = vi.fn((_url: string) =>
      Promise.resolve('https://tracker.example/pixel.gif'),
    );
    const { container } = show('![x](https://img.example.org/a.gif)', vi.fn(), onLoadImage);
    await user.click(screen.getByRole('button', { name: 'Load image from img.example.org' }));
    expect(await screen.findByText('The image could not be loaded.')).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });

  it('does not open the surrounding link when the image button is clicked', async () => {
    const user = userEvent.setup();
    const onLoadImage = vi.fn((_url: string) => Promise.resolve(PNG));
    const { onOpenLink } = show(
      '[![badge](https://img.example.com/b.png)](https://example.com)',
      vi.fn(),
      onLoadImage,
    );
    await user.click(screen.getByRole('button', { name: 'Load image from img.example.com' }));
    expect(onLoadImage).toHaveBeenCalledOnce();
    expect(onOpenLink).not.toHaveBeenCalled();
  });

  it('shows raster data: images directly and other schemes as alt text only', () => {
    const { container, onLoadImage } = show(
      [
        `![dot](${PNG})`,
        '![vector](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+)',
        '![local](file:///home/user/secret.png)',
        '![script](javascript:alert(1))',
        '![relative](images/a.png)',
      ].join('\n\n'),
    );
    const images = container.querySelectorAll('img');
    expect(images).toHaveLength(1);
    expect(images[0]).toHaveAttribute('src', PNG);
    expect(images[0]).toHaveAttribute('alt', 'dot');
    for (const alt of ['vector', 'local', 'script', 'relative'])
      expect(screen.getByText(alt)).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
    expect(onLoadImage).not.toHaveBeenCalled();
  });
});
