import type { PayloadLayout } from '../../core/builder/signToken';
import type { SigningKey } from '../../core/builder/signingKey';
import { templateHeaderText, templatePayloadText, type TemplateId } from '../../core/builder/templates';

/** A token the user signed, with what it was signed from (to tell when the editors have moved on). */
export interface SignedResult {
  token: string;
  notes: string[];
  /** What "Open in decoder" puts in the verification key field: the JWKS, or the secret's JWK. */
  verificationKeyText: string;
  verificationKeyKind: 'jwks' | 'secret-jwk';
  from: { headerText: string; payloadText: string; key: SigningKey; layout: PayloadLayout };
}

/**
 * What the user made in the Build view. The app shell holds it (like the decoder's input), so a
 * trip to the decoder ("Open in decoder") and back finds the work where it was; it lives in
 * memory, never in storage, and is gone with the tab.
 */
export interface BuilderSession {
  template: TemplateId;
  headerText: string;
  payloadText: string;
  layout: PayloadLayout;
  key: SigningKey | null;
  /** The kid the builder last wrote into the header (so it can replace it, but not one the user typed). */
  autoKid: string | null;
  /** Counts keys adopted, so views tied to one key (the private key reveal) reset for the next. */
  keyVersion: number;
  signed: SignedResult | null;
}

/** The session a first visit starts with: a pod-bound token issued now, no key yet. */
export function freshSession(nowSeconds: number): BuilderSession {
  const template: TemplateId = 'pod-bound';
  return {
    template,
    headerText: templateHeaderText(template, 'RS256', null),
    payloadText: templatePayloadText(template, { nowSeconds }),
    layout: 'compact',
    key: null,
    autoKid: null,
    keyVersion: 0,
    signed: null,
  };
}
