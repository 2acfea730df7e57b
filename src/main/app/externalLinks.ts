import { checkLink } from '../../shared/rules/linkPolicy';
import { ServiceError } from '../settings/ServiceError';

/** Returns the normalised URL to hand to the OS, or throws why it may not open (checkLink). */
export function checkExternalUrl(raw: string): string {
  const check = checkLink(raw);
  if (check.ok) return check.href;
  const { refusal } = check;
  switch (refusal.reason) {
    case 'invalid':
      throw new ServiceError('link_refused', 'This link is not a valid address.');
    case 'protocol':
      throw new ServiceError(
        'link_refused',
        `Links of type "${refusal.protocol}" are not opened. Only web (http, https) and mail links are.`,
      );
    case 'no_host':
      throw new ServiceError('link_refused', 'This link has no host.');
    case 'credentials':
      throw new ServiceError(
        'link_refused',
        'Links that carry a user name or password are not opened.',
      );
  }
}
