/** Lower-cased, trimmed email, or undefined when it is not one. */
export function normalizeEmail(raw: string | undefined | null): string | undefined {
  const e = raw?.trim().toLowerCase();
  return e && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e) ? e : undefined;
}

/**
 * A phone number in E.164 (`+79035550142`), or undefined when it cannot be one.
 * Russian trunk prefix `8` and bare 10-digit Russian numbers become +7; `00` becomes +.
 */
export function normalizePhone(raw: string | undefined | null, defaultCountry = '7'): string | undefined {
  if (!raw) return undefined;
  const trimmed = raw.trim();
  let digits = trimmed.replace(/\D/g, '');
  if (!digits) return undefined;
  if (trimmed.startsWith('+')) return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : undefined;
  if (digits.startsWith('00')) digits = digits.slice(2);
  else if (digits.length === 11 && digits.startsWith('8') && defaultCountry === '7') digits = `7${digits.slice(1)}`;
  else if (digits.length === 10 && defaultCountry === '7' && digits.startsWith('9')) digits = `7${digits}`;
  return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : undefined;
}

/** The keys a dossier is found by (`clients.ids` in the store): `e:` its normalised email, `p:` its phone. */
export function identityKeysOf(c: { email?: string; phone?: string }): string[] {
  const email = normalizeEmail(c.email);
  const phone = normalizePhone(c.phone);
  return [...(email ? [`e:${email}`] : []), ...(phone ? [`p:${phone}`] : [])];
}
