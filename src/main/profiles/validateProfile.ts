import {
  CONNECT_TIMEOUT_MAX_MS,
  IDLE_TIMEOUT_MAX_MS,
  isValidTemperature,
  TIMEOUT_MIN_MS,
} from '../../shared/rules/limits';
import { MAX_FALLBACK_URLS, PROFILE_NAME_MAX, type Profile } from '../../shared/types/profiles';
import { checkBaseUrl } from '../../shared/rules/baseUrl';
import { ServiceError } from '../settings/ServiceError';

type UrlField = 'baseUrl' | 'fallbackBaseUrls';

function invalid(code: string, field: string, message: string, hint?: string): ServiceError {
  return new ServiceError(
    code,
    message,
    hint === undefined ? { details: { field } } : { hint, details: { field } },
  );
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
      throw invalid(
        'url_missing',
        field,
        'Enter the base URL of the API.',
        'For example https://api.holysheep.ai/v1',
      );
    case 'invalid':
      throw invalid(
        'url_invalid',
        field,
        `"${raw.trim().slice(0, 100)}" is not a valid URL.`,
        'It should look like https://api.example.com/v1',
      );
    case 'protocol':
      throw invalid(
        'url_protocol',
        field,
        `Only http and https URLs can be used (got ${refusal.protocol}).`,
      );
    case 'credentials':
      throw invalid(
        'url_credentials',
        field,
        'The URL must not contain a user name or password.',
        'Put the key in the API key field instead.',
      );
    case 'query':
      throw invalid(
        'url_query',
        field,
        'The base URL must not contain a query (?…) or fragment (#…).',
      );
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
    throw invalid(
      'name_invalid',
      'name',
      `The profile name must be 1 to ${PROFILE_NAME_MAX} characters long.`,
    );
  }

  const base = normalizeBaseUrl(fields.baseUrl, 'baseUrl');
  if (fields.fallbackBaseUrls.length > MAX_FALLBACK_URLS) {
    throw invalid(
      'url_too_many_fallbacks',
      'fallbackBaseUrls',
      `At most ${MAX_FALLBACK_URLS} fallback URLs are allowed.`,
    );
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
    throw invalid(
      'url_insecure_http',
      'baseUrl',
      'This URL uses plain http to another computer: your API key and your messages would travel unencrypted.',
      'Use https, or confirm that you accept sending them unencrypted.',
    );
  }

  const defaultModel = fields.defaultModel.trim();
  if (defaultModel.length > 200 || hasControlCharacter(defaultModel)) {
    throw invalid('model_invalid', 'defaultModel', 'The model name is not valid.');
  }
  checkTimeout(
    fields.connectTimeoutMs,
    CONNECT_TIMEOUT_MAX_MS,
    'connectTimeoutMs',
    'connect timeout',
  );
  checkTimeout(fields.idleTimeoutMs, IDLE_TIMEOUT_MAX_MS, 'idleTimeoutMs', 'idle timeout');
  const { temperature } = fields;
  if (temperature !== null && !isValidTemperature(temperature)) {
    throw invalid(
      'temperature_invalid',
      'temperature',
      'The temperature must be a number from 0 to 2.',
    );
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

function checkTimeout(value: number, max: number, field: string, label: string): void {
  if (!Number.isInteger(value) || value < TIMEOUT_MIN_MS || value > max) {
    throw invalid(
      'timeout_invalid',
      field,
      `The ${label} must be a whole number of milliseconds from ${TIMEOUT_MIN_MS} to ${max}.`,
    );
  }
}

function hasControlCharacter(text: string): boolean {
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
