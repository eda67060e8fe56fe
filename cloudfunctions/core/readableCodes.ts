/**
 * Codes people read out and type — an opening balance's claim code, an order's pickup code: eight
 * of 31 letters and digits (no 0/O, 1/I/L), ~40 bits, so one cannot be guessed in the tries a
 * person has.
 */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const READABLE_CODE = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/;

/** A code from random bytes: each byte is used only below the largest multiple of 31, so no letter is likelier. */
export function readableCodeOf(random: Uint8Array): string | null {
  let code = '';
  for (const byte of random) {
    if (byte >= 248) continue;
    code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
    if (code.length === 8) return code;
  }
  return null;
}

/** What a person types: case, spaces and dashes do not matter. */
export const normalizeCode = (typed: string): string => typed.toUpperCase().replace(/[\s-]/g, '');
