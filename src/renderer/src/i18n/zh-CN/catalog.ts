import type { Catalog } from '../resources';
import common from './common';
import chat from './chat';
import errors from './errors';
import codes from './codes';
import settings from './settings';
import onboarding from './onboarding';
import usage from './usage';

const catalog: Catalog = { common, chat, errors, codes, settings, onboarding, usage };
export default catalog;
