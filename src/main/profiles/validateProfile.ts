import {
  CONNECT_TIMEOUT_MAX_MS,
  IDLE_TIMEOUT_MAX_MS,
  isValidTemperature,
  TIMEOUT_MIN_MS,
} from '../../shared/rules/limits';
import { MAX_FALLBACK_URLS, PROFILE_NAME_MAX, type Profile } from '../../shared/types/profiles';
import { checkBaseUrl } from '../../shared/rules/baseUrl';
import { FleeceError } from '../errors/FleeceError';
import { coded, type Code, type TextParams } from '../../shared/codes';

type UrlField = 'baseUrl' | 'fallbackBaseUrls';

function invalid(
  code: Code,
  field: string,
  params?: TextParams,
  hint?: Code,
  text?: Code,
): FleeceError {
  return new FleeceError(code, {
    ...(text === undefined ? {} : { text }),
    ...(params === undefined ? {} : { params }),
    ...(hint === undefined ? {} : { hint: coded(hint, params) }),
    details: { field },
  });
}

/** The URL without trailing slashes; refuses anything but plain http(s) endpoints. */
export function normalizeBaseUrl(
  raw: string,
  field: UrlField = 'baseUrl',
): { url: string; insecure: boolean } {
  const check = checkBaseUrl(raw);
  if (check.ok) return { url: check.url, insecure: check.insecure };
  const { refusal } = check;
  switch (refusal.reason) {
    case 'missing':
      throw invalid('url_missing', field, undefined, 'hint_url_example');
    case 'invalid':
      throw invalid('url_invalid', field, { url: raw.trim().slice(0, 100) }, 'hint_url_shape');
    case 'protocol':
      throw invalid('url_protocol', field, { protocol: refusal.protocol.replace(':', '') });
    case 'credentials':
      throw invalid('url_credentials', field, undefined, 'hint_key_field');
    case 'query':
      throw invalid('url_query', field);
  }
}

export type ProfileFields = Omit<Profile, 'id'>;

/**
 * Checks and normalises a complete profile. Plain http to a host other than this machine needs
 * `allowInsecureHttp` (the user's confirmation): the key and every message would travel unencrypted.
 */
export function validateProfileFields(fields: ProfileFields): ProfileFields {
  const name = fields.name.trim();
  if (name === '' || name.length > PROFILE_NAME_MAX) {
    throw invalid('name_invalid', 'name', { max: PROFILE_NAME_MAX });
  }

  const base = normalizeBaseUrl(fields.baseUrl, 'baseUrl');
  if (fields.fallbackBaseUrls.length > MAX_FALLBACK_URLS) {
    throw invalid('url_too_many_fallbacks', 'fallbackBaseUrls', { max: MAX_FALLBACK_URLS });
  }
  const fallbacks: string[] = [];
  let insecure = base.insecure;
  for (const raw of fields.fallbackBaseUrls) {
    if (raw.trim() === '') continue;
    const fallback = normalizeBaseUrl(raw, 'fallbackBaseUrls');
    insecure ||= fallback.insecure;
    if (fallback.url !== base.url && !fallbacks.includes(fallback.url))
      fallbacks.push(fallback.url);
  }
  if (insecure && !fields.allowInsecureHttp) {
    throw invalid('url_insecure_http', 'baseUrl', undefined, 'hint_confirm_http');
  }

  const defaultModel = fields.defaultModel.trim();
  if (defaultModel.length > 200 || hasControlCharacter(defaultModel)) {
    throw invalid('model_invalid', 'defaultModel');
  }
  checkTimeout(
    fields.connectTimeoutMs,
    CONNECT_TIMEOUT_MAX_MS,
    'connectTimeoutMs',
    'timeout_connect_invalid',
  );
  checkTimeout(fields.idleTimeoutMs, IDLE_TIMEOUT_MAX_MS, 'idleTimeoutMs', 'timeout_idle_invalid');
  const { temperature } = fields;
  if (temperature !== null && !isValidTemperature(temperature)) {
    throw invalid('temperature_invalid', 'temperature');
  }

  return {
    ...fields,
    name,
    baseUrl: base.url,
    fallbackBaseUrls: fallbacks,
    defaultModel,
    // A confirmation is for the insecure URL it was given for; once none is left it lapses.
    allowInsecureHttp: insecure && fields.allowInsecureHttp,
  };
}

function checkTimeout(value: number, max: number, field: string, text: Code): void {
  if (!Number.isInteger(value) || value < TIMEOUT_MIN_MS || value > max) {
    throw invalid('timeout_invalid', field, { min: TIMEOUT_MIN_MS, max }, undefined, text);
  }
}

function hasControlCharacter(text: string): boolean {
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
