import enCommon from './en/common';
import viCommon from './vi/common';
import zhCommon from './zh-CN/common';
import enChat from './en/chat';
import viChat from './vi/chat';
import zhChat from './zh-CN/chat';
import enCodes from './en/codes';
import viCodes from './vi/codes';
import zhCodes from './zh-CN/codes';
import enErrors from './en/errors';
import viErrors from './vi/errors';
import zhErrors from './zh-CN/errors';
import enSettings from './en/settings';
import viSettings from './vi/settings';
import zhSettings from './zh-CN/settings';
import enOnboarding from './en/onboarding';
import viOnboarding from './vi/onboarding';
import zhOnboarding from './zh-CN/onboarding';
import enUsage from './en/usage';
import viUsage from './vi/usage';
import zhUsage from './zh-CN/usage';

export const resources = {
  en: {
    common: enCommon,
    chat: enChat,
    errors: enErrors,
    codes: enCodes,
    settings: enSettings,
    onboarding: enOnboarding,
    usage: enUsage,
  },
  vi: {
    common: viCommon,
    chat: viChat,
    errors: viErrors,
    codes: viCodes,
    settings: viSettings,
    onboarding: viOnboarding,
    usage: viUsage,
  },
  'zh-CN': {
    common: zhCommon,
    chat: zhChat,
    errors: zhErrors,
    codes: zhCodes,
    settings: zhSettings,
    onboarding: zhOnboarding,
    usage: zhUsage,
  },
} as const;

export const NAMESPACES = Object.keys(resources.en) as (keyof (typeof resources)['en'])[];
