import { maskIdNumber, maskPhone } from '../cases/masking.js';

/** A resident ID number (GB 11643: 17 digits and a check character) standing alone in a text. */
const ID_NUMBER_IN_TEXT = /(?<!\d)\d{17}[\dXx](?!\d)/g;
/** A mainland mobile number, optionally with +86 / 0086, standing alone in a text. */
const MOBILE_IN_TEXT = /(?<!\d)(?:(?:\+|00)86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?!\d)/g;
/** Any other run of 7 or more digits in a free-text search: landlines, numbers typed without their prefix. */
const LONG_DIGITS = /(?<!\d)\d{7,}(?!\d)/g;
/** A UUID (case, party, organisation ids) holds no personal data, and its hex groups could look like a phone. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Query parameters whose whole value is free text, searched with `LONG_DIGITS` as well. */
const FREE_TEXT = new Set(['q']);

/**
 * A request URL fit for a log line or a problem's `instance` (PIPL Art. 51): the query string is
 * parsed as the service parses it — names and values percent-decoded, `+` as a space — and
 * masked on what it means, not on how it was spelled, so `id%4Eumber=` is an `idNumber`, and a
 * phone typed into `q` is a phone. `idNumber` and `phone` values are masked whole; an ID number
 * or mobile number found in any other value or in the path is masked where it stands; free text
 * (`q`) also loses any run of 7 digits or more. A malformed escape (`%ZZ`) is kept as text and
 * never throws. The result is re-encoded, so the line cannot be forged with `&` or newlines.
 */
export function maskedUrl(url: string): string {
  const mark = url.indexOf('?');
  const path = mark < 0 ? url : url.slice(0, mark);
  const query = mark < 0 ? undefined : url.slice(mark + 1);
  const maskedPath = path
    .split('/')
    .map((segment) => encodePart(maskInText(decodePart(segment))))
    .join('/');
  return query === undefined ? maskedPath : `${maskedPath}?${maskedQuery(query)}`;
}

function maskedQuery(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = decodePart(eq < 0 ? pair : pair.slice(0, eq));
      if (eq < 0) return encodePart(maskInText(name));
      return `${encodePart(maskInText(name))}=${encodePart(maskValue(name, decodePart(pair.slice(eq + 1))))}`;
    })
    .join('&');
}

function maskValue(name: string, value: string): string {
  // Express's parser reads `idNumber[]=…` and `idNumber[0]=…` as the same field.
  const field = name.replace(/\[[^\]]*\]$/, '');
  if (field === 'idNumber') return maskIdNumber(value) ?? '';
  if (field === 'phone') return maskPhone(value) ?? '';
  const masked = maskInText(value);
  return FREE_TEXT.has(field) ? masked.replace(LONG_DIGITS, (digits) => maskPhone(digits)!) : masked;
}

/** An ID number or mobile number masked where it stands in a text (e.g. a path parameter copied into a log field). */
export function maskedText(text: string): string {
  return maskInText(text);
}

function maskInText(text: string): string {
  if (UUID.test(text)) return text;
  return text
    .replace(ID_NUMBER_IN_TEXT, (id) => maskIdNumber(id)!)
    .replace(MOBILE_IN_TEXT, (phone) => maskPhone(phone)!);
}

/**
 * `decodeURIComponent` that keeps what is not a valid escape as
 * it is, and reads `+` as a space (as the query parser does).
 */
function decodePart(part: string): string {
  return part.replace(/\+/g, ' ').replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run.replace(/%([0-9A-Fa-f]{2})/g, (escape, hex: string) =>
        parseInt(hex, 16) < 0x80 ? String.fromCharCode(parseInt(hex, 16)) : escape,
      );
    }
  });
}

/** Re-encodes, keeping the masks' `*` and the characters URLs commonly carry readable. */
function encodePart(part: string): string {
  return encodeURIComponent(part).replace(/%2A/g, '*').replace(/%3A/gi, ':').replace(/%2C/gi, ',');
}
