import { checkLink } from '../../shared/rules/linkPolicy';
import { FleeceError } from '../errors/FleeceError';

/** Returns the normalised URL to hand to the OS, or throws why it may not open (checkLink). */
export function checkExternalUrl(raw: string): string {
  const check = checkLink(raw);
  if (check.ok) return check.href;
  const { refusal } = check;
  switch (refusal.reason) {
    case 'invalid':
      throw new FleeceError('link_refused', { text: 'link_invalid' });
    case 'protocol':
      throw new FleeceError('link_refused', {
        text: 'link_protocol',
        params: { protocol: refusal.protocol },
      });
    case 'no_host':
      throw new FleeceError('link_refused', { text: 'link_no_host' });
    case 'credentials':
      throw new FleeceError('link_refused', { text: 'link_has_credentials' });
  }
}
