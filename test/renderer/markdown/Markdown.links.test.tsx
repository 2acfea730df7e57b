import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Markdown } from '../../../src/renderer/src/markdown';
import { openableUrl } from '../../../src/shared/rules/linkPolicy';
import { TooltipProvider } from '../../../src/renderer/src/ui/Tooltip';

function show(text: string, labels?: Record<string, string>) {
  const onOpenLink = vi.fn();
  // The question is the app's dialog, whose close button has a tooltip, as in the app.
  render(
    <TooltipProvider>
      <Markdown
        text={text}
        streaming={false}
        onOpenLink={onOpenLink}
        onLoadImage={vi.fn()}
        labels={labels}
      />
    </TooltipProvider>,
  );
  return { onOpenLink, user: userEvent.setup() };
}

describe('links that ask before opening', () => {
  it('a link whose text shows another address shows the real one and opens only on confirm', async () => {
    const { onOpenLink, user } = show('[https://bank.example.com](https://evil.example/login)');
    await user.click(screen.getByRole('link', { name: 'https://bank.example.com' }));
    expect(onOpenLink).not.toHaveBeenCalled();
    const dialog = screen.getByRole('alertdialog', { name: 'Open this link?' });
    expect(dialog).toHaveTextContent('The link text shows a different address');
    expect(screen.getByTestId('link-confirm-url')).toHaveTextContent('https://evil.example/login');
    await user.click(screen.getByRole('button', { name: 'Open link' }));
    expect(onOpenLink).toHaveBeenCalledExactlyOnceWith('https://evil.example/login');
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('a link into the local network asks, and Cancel opens nothing', async () => {
    const { onOpenLink, user } = show('[router](http://192.168.1.1/admin)');
    await user.click(screen.getByRole('link', { name: 'router' }));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('local network');
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(onOpenLink).not.toHaveBeenCalled();
  });

  it('Escape closes the question without opening', async () => {
    const { onOpenLink, user } = show('<http://localhost:8080/debug>');
    await user.click(screen.getByRole('link'));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(onOpenLink).not.toHaveBeenCalled();
  });

  it('the dialog keeps the focus inside it while it asks', async () => {
    const { onOpenLink, user } = show(
      '[docs](http://10.0.0.7/docs) and [other](https://x.example)',
    );
    await user.click(screen.getByRole('link', { name: 'docs' }));
    const dialog = screen.getByRole('alertdialog');
    for (let i = 0; i < 4; i++) {
      await user.tab();
      expect(dialog).toContainElement(document.activeElement as HTMLElement);
    }
    await user.click(screen.getByRole('button', { name: 'Open link' }));
    expect(onOpenLink).toHaveBeenCalledExactlyOnceWith('http://10.0.0.7/docs');
  });

  it('an ordinary link opens at once', async () => {
    const { onOpenLink, user } = show('See [the docs](https://example.com/docs).');
    await user.click(screen.getByRole('link', { name: 'the docs' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(onOpenLink).toHaveBeenCalledExactlyOnceWith('https://example.com/docs');
  });

  it('shows the question in the labels it is given', async () => {
    const { user } = show('[x](http://127.0.0.1/)', {
      linkConfirmTitle: '要打开此链接吗？',
      linkLocal: '此链接指向本机或你的局域网。',
      linkOpen: '打开链接',
      linkCancel: '取消',
    });
    await user.click(screen.getByRole('link'));
    expect(screen.getByRole('alertdialog', { name: '要打开此链接吗？' })).toHaveTextContent(
      '此链接指向本机或你的局域网。',
    );
    expect(screen.getByRole('button', { name: '打开链接' })).toBeInTheDocument();
  });
});

describe('mailto links', () => {
  it('keep only the recipients, subject and body', () => {
    expect(
      openableUrl(
        'mailto:a@example.com,b@example.com?cc=spy@evil.example&subject=Hi%20there&BCC=x@evil.example&body=a+b&attach=/etc/passwd&To=c@example.com',
      ),
    ).toBe('mailto:a@example.com,b@example.com?subject=Hi%20there&body=a+b&To=c@example.com');
  });

  it('a link with only other fields keeps its recipient', () => {
    expect(openableUrl('mailto:a@example.com?cc=spy@evil.example#frag')).toBe(
      'mailto:a@example.com',
    );
  });

  it('the link handed to the opener is the filtered one', async () => {
    const { onOpenLink, user } = show(
      '[mail us](mailto:a@example.com?subject=Hi&bcc=spy@evil.example)',
    );
    await user.click(screen.getByRole('link', { name: 'mail us' }));
    expect(onOpenLink).toHaveBeenCalledExactlyOnceWith('mailto:a@example.com?subject=Hi');
  });
});
