/** Files larger than this are refused with a message rather than read into memory. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export async function readTextFile(file: File): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  if (file.size > MAX_FILE_BYTES) {
    return { ok: false, message: `"${file.name}" is ${(file.size / 1048576).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB.` };
  }
  try {
    return { ok: true, text: await file.text() };
  } catch {
    return { ok: false, message: `"${file.name}" could not be read.` };
  }
}
