/** The URL without one trailing "/" (discovery paths are appended to the issuer this way). */
export function withoutTrailingSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}
