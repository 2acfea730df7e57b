/** What a relay said in an error body, whatever shape it used (OpenAI JSON, FastAPI, HTML, text). */
export interface ErrorBodyInfo {
  /** The relay's own words, plain text, short. Undefined when the body said nothing useful. */
  message?: string;
  code?: string;
  type?: string;
  /** HTTP-like status embedded in an in-band error, if any. */
  status?: number;
  /** The body was an HTML page (typically a proxy's error page). */
  html: boolean;
}

const MAX_MESSAGE = 200;

export function describeErrorBody(text: string, contentType: string | null): ErrorBodyInfo {
  const trimmed = text.trim();
  if (trimmed === '') return { html: false };
  if (
    /html/i.test(contentType ?? '') ||
    /^<(!doctype|html|head|body|\?xml|center|h1|title)/i.test(trimmed)
  ) {
    return { html: true, ...messageOf(htmlToText(trimmed)) };
  }
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return describeErrorPayload(JSON.parse(trimmed) as unknown);
    } catch {
      // Not JSON after all: fall through to plain text.
    }
  }
  return { html: false, ...messageOf(trimmed) };
}

/** Reads `{error:{message,code,type}}`, `{error:"…"}`, `{message}`, `{detail}`, `{msg}`. */
export function describeErrorPayload(payload: unknown): ErrorBodyInfo {
  const info: ErrorBodyInfo = { html: false };
  if (typeof payload === 'string') return { html: false, ...messageOf(payload) };
  if (!isRecord(payload)) return info;
  const inner = payload['error'];
  const source = isRecord(inner) ? inner : payload;
  const text =
    (typeof inner === 'string' ? inner : undefined) ??
    stringField(source, 'message') ??
    stringField(payload, 'message') ??
    detailText(payload['detail']) ??
    stringField(source, 'msg') ??
    stringField(source, 'error_msg');
  if (text !== undefined) Object.assign(info, messageOf(text));
  const code = source['code'];
  if (typeof code === 'string') info.code = code;
  const type = stringField(source, 'type');
  if (type !== undefined) info.type = type;
  const status = [source['status'], source['status_code'], code].find(
    (v): v is number => typeof v === 'number' && v >= 100 && v < 600,
  );
  if (status !== undefined) info.status = status;
  return info;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(obj: Record<string, unknown>, key: string): string | undefined {
  const v = obj[key];
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

function detailText(detail: unknown): string | undefined {
  if (typeof detail === 'string') return detail;
  if (Array.isArray(detail)) {
    const parts = detail
      .map((d) => (isRecord(d) && typeof d['msg'] === 'string' ? d['msg'] : undefined))
      .filter((m): m is string => m !== undefined);
    return parts.length > 0 ? parts.join('; ') : undefined;
  }
  return undefined;
}

function messageOf(text: string): { message?: string } {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '') return {};
  return { message: clean.length > MAX_MESSAGE ? `${clean.slice(0, MAX_MESSAGE - 1)}…` : clean };
}

/** Title (or first heading, or the visible text) of an HTML page, never markup. */
function htmlToText(html: string): string {
  const pick = (tag: string): string | undefined =>
    new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'i').exec(html)?.[1];
  const raw = pick('title') ?? pick('h1') ?? html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ');
  return decodeEntities(raw.replace(/<[^>]*>/g, ' '));
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d{1,7});/g, (_, n: string) => codePoint(Number(n)))
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, n: string) => codePoint(parseInt(n, 16)))
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function codePoint(n: number): string {
  return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '\ufffd';
}
