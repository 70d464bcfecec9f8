import type { Dispatch, ReactNode, SetStateAction } from 'react';
import type { BuilderSession } from '../../features/builder/builderSession';
import type { VerifySettings } from '../../features/verify/verifySettings';

/**
 * What the shell hands every page: the state that outlives a view (held by App, so switching views
 * and coming back finds it as it was) and the actions that cross from one view to another.
 */
export interface RouteProps {
  /** The decoder's input, shared with the audit. */
  input: string;
  onInputChange: (text: string) => void;
  verify: VerifySettings;
  /** The RBAC objects pasted in Access, kept while the user visits the decoder for a token. */
  rbacText: string;
  onRbacTextChange: (text: string) => void;
  onVerifyChange: (settings: VerifySettings) => void;
  /** The builder's work (null until the Build view first opens); in memory, gone with the tab. */
  builderSession: BuilderSession | null;
  onBuilderSessionChange: Dispatch<SetStateAction<BuilderSession | null>>;
  /** The builder's round trip: its token in the decoder, its public key in the key input. */
  onOpenInDecoder: (token: string, publicKeyText: string) => void;
  /** Opens one of the blog post's sample tokens in the decoder. */
  onOpenSample: (id: string) => void;
  /**
   * The verification key field, rendered by the shell for views besides the decoder (the audit).
   * Handed down rather than imported: a lazy route importing it made the bundler split the first
   * load into many small chunks.
   */
  keyField: ReactNode;
}
