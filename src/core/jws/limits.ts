/**
 * Real tokens are about 1 kB; a JWT over 1 MB is never a credential (HTTP servers cap request
 * headers far below that), and decoding megabytes would stall the page.
 */
export const MAX_TOKEN_CHARS = 1024 * 1024;
