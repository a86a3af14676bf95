// Every "come back here afterwards" URL a user can supply (sign-in callbackUrl, change-password,
// next-auth's redirect) goes through this, so a crafted link cannot bounce someone off-site.
// Only a same-origin path is accepted: "//host" and "/\host" are protocol-relative to a browser
// (it reads "\" as "/"), and browsers silently drop tabs and newlines, so both are refused.

const BASE = "http://return-to.invalid";

/** `url` when it is a plain path on this site, else `fallback`. Returns the normalised path. */
export function safeReturnTo(url: unknown, fallback = "/signed-in"): string {
  if (typeof url !== "string" || url.length === 0 || url.length > 2048) return fallback;
  if (!url.startsWith("/") || url.startsWith("//")) return fallback;
  // Backslashes, control characters (tab, CR, LF, NUL, DEL…) and other whitespace.
  if (/[\\\s\u0000-\u001f\u007f]/.test(url)) return fallback;
  let parsed: URL;
  try {
    parsed = new URL(url, BASE);
  } catch {
    return fallback;
  }
  if (parsed.origin !== BASE) return fallback;
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/** For next-auth's redirect callback: a URL on `baseUrl` or a path, else `baseUrl`'s fallback. */
export function safeRedirectUrl(url: string, baseUrl: string, fallback = "/signed-in"): string {
  const path = url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url;
  return `${baseUrl}${safeReturnTo(path, fallback)}`;
}
