import { useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Dialog } from '../../../src/renderer/src/ui/Dialog';
import { Menu, MenuItem } from '../../../src/renderer/src/ui/Menu';
import { radix } from '../../../src/renderer/src/ui/radix';
import { Toast, ToastProvider } from '../../../src/renderer/src/ui/Toast';

// Menus, popovers, dialogs and toasts share Radix, which the window's first paint does without:
// a layer asked for before it has arrived opens once it has. Order matters here: the first test
// runs before this file's copy of the module has loaded.
describe('layers whose code arrives after the first paint', () => {
  it('a menu clicked before Radix has arrived opens once it has, with working items', async () => {
    expect(radix.current()).toBeUndefined();
    const onSelect = vi.fn();
    render(
      <Menu trigger={<button type="button">More</button>}>
        <MenuItem onSelect={onSelect}>Rename</MenuItem>
      </Menu>,
    );
    // Until asked, nothing is fetched: the trigger alone is drawn.
    expect(screen.queryByRole('menu')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'More' }));
    const item = await screen.findByRole('menuitem', { name: 'Rename' });
    expect(radix.current()).toBeDefined();
    fireEvent.click(item);
    expect(onSelect).toHaveBeenCalledTimes(1);
  });

  it('a controlled menu opens through its owner, then closes the same way', async () => {
    function Owner() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <span data-testid="state">{open ? 'open' : 'closed'}</span>
          <Menu open={open} onOpenChange={setOpen} trigger={<button type="button">More</button>}>
            <MenuItem onSelect={() => undefined}>Export</MenuItem>
          </Menu>
        </>
      );
    }
    render(<Owner />);
    fireEvent.pointerDown(screen.getByRole('button', { name: 'More' }), {
      button: 0,
      pointerType: 'mouse',
    });
    expect(await screen.findByRole('menuitem', { name: 'Export' })).toBeVisible();
    expect(screen.getByTestId('state')).toHaveTextContent('open');
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });
    expect(screen.getByTestId('state')).toHaveTextContent('closed');
  });

  it('a dialog shows its title and body while open, nothing when closed', async () => {
    const { rerender } = render(
      <Dialog open onOpenChange={() => undefined} title="Delete?" closeLabel="Close">
        <p>Gone for good.</p>
      </Dialog>,
    );
    expect(await screen.findByRole('dialog', { name: 'Delete?' })).toHaveTextContent(
      'Gone for good.',
    );
    rerender(
      <Dialog open={false} onOpenChange={() => undefined} title="Delete?" closeLabel="Close">
        <p>Gone for good.</p>
      </Dialog>,
    );
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('a toast raised by then is shown in the region', async () => {
    render(
      <ToastProvider label="Notifications">
        <Toast title="Saved" closeLabel="Close" onClose={() => undefined} />
      </ToastProvider>,
    );
    expect(await screen.findByText('Saved')).toBeVisible();
    expect(screen.getByRole('region', { name: /Notifications/ })).toBeInTheDocument();
  });
});
