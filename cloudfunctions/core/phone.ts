/**
 * A shipping phone, decided once for the app's check before sending and the server's schema
 * alike: a mainland mobile number (11 digits from 13–19) or a landline with its area code, as
 * WeChat's address book may give one (020-81167888); spaces, dashes and a +86 in front are fine.
 */
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{9,11}$/;

export const PHONE_PROBLEM = '请填写 11 位手机号，或带区号的座机';

/** The digits that matter, or null when it is no phone number. */
export function phoneDigits(text: string): string | null {
  const digits = text
    .trim()
    .replace(/[\s-]/g, '')
    .replace(/^(\+?86)(?=1\d{10}$)/, '');
  return MOBILE.test(digits) || LANDLINE.test(digits) ? digits : null;
}
