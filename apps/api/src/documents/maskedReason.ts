import { maskIdNumber, maskPhone } from '../cases/masking.js';

/** A resident ID number (18 characters, GB 11643, or the old 15 digits) standing alone in a text. */
const ID_NUMBER = /(?<![\dXx])(\d{17}[\dXx]|\d{15})(?![\dXx])/g;
/** A mainland mobile number standing alone in a text. */
const MOBILE = /(?<!\d)1\d{10}(?!\d)/g;

/**
 * A correction's reason as the trail and the document list show it, to everyone who sees the case:
 * an ID number or a mobile number written into it (a typical reason: "身份证号码误写为…") is masked as
 * on the party (PIPL Art. 51). The reason in full is printed on the correction itself, which only
 * those who may read personal data open.
 */
export function maskedReason(reason: string): string {
  return reason.replace(ID_NUMBER, (n) => maskIdNumber(n) ?? n).replace(MOBILE, (n) => maskPhone(n) ?? n);
}
