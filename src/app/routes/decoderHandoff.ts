/**
 * What the decoder last showed, for the audit to decide what to carry over into its own box: a
 * secret list is carried (the decoder sends it there), a single token the decoder decoded is not
 * (the audit then opens empty). In memory, for the life of the tab.
 */
export const decoderHandoff: { text: string | null; isList: boolean; forwarded: string | null } = { text: null, isList: false, forwarded: null };

/** The audit box's first content for this shared input. */
export function carriedIntoAudit(input: string): string {
  return decoderHandoff.text === input && !decoderHandoff.isList ? '' : input;
}
