import { useEffect, useMemo, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { exportLabelsFor, applyKeyToHeader, defaultKidFor } from '../../core/builder/headerForKey';
import { publicJwksText, secretJwkText } from '../../core/builder/exportKeys';
import { generateSigningKey, type KeyChoice } from '../../core/builder/generateKey';
import { importPrivateKey } from '../../core/builder/importPrivateKey';
import { readJsonObjectText } from '../../core/builder/jsonText';
import { signToken, type PayloadLayout } from '../../core/builder/signToken';
import { algorithmFor, type SigningKey } from '../../core/builder/signingKey';
import { setExpiresIn, setIssuedNow } from '../../core/builder/timeHelpers';
import { templateHeaderText, templatePayloadText, type TemplateId } from '../../core/builder/templates';
import type { Problem, Result } from '../../core/result';
import { freshSession, type BuilderSession } from './builderSession';

const nowSeconds = () => Math.floor(Date.now() / 1000);

export type Busy = null | 'generating' | 'importing' | 'signing';

/** Where the session is kept: the app shell's state (null until the first edit). */
export interface BuilderStore {
  session: BuilderSession | null;
  setSession: Dispatch<SetStateAction<BuilderSession | null>>;
}

/** Everything the Build view does: state the user made (kept in `store`), actions, and what is derived from them. */
export function useBuilder(store: BuilderStore) {
  // A first visit starts from a fresh session, made once; the first change stores it.
  const [initial] = useState(() => store.session ?? freshSession(nowSeconds()));
  const session = store.session ?? initial;
  const { setSession: setStored } = store;
  const setSession = (change: (s: BuilderSession) => BuilderSession) => setStored((s) => change(s ?? initial));
  const [busy, setBusy] = useState<Busy>(null);
  const [keyError, setKeyError] = useState<Problem | null>(null);
  const [editError, setEditError] = useState<Problem | null>(null);
  const [signError, setSignError] = useState<Problem | null>(null);
  // Async actions (key generation can take seconds) read the state as it is when they finish.
  const latest = useRef(session);
  useEffect(() => {
    latest.current = session;
  }, [session]);

  const update = (patch: Partial<BuilderSession>) => setSession((s) => ({ ...s, ...patch }));
  const { key, headerText, payloadText } = session;

  const header = useMemo(() => readJsonObjectText(headerText, 'header'), [headerText]);
  const payload = useMemo(() => readJsonObjectText(payloadText, 'payload'), [payloadText]);
  const labels = key ? exportLabelsFor(key, header.ok ? header.value : null) : null;

  /** Applies an edit helper's result, or shows why it could not run. */
  const applyEdit = (result: Result<string>, field: 'headerText' | 'payloadText', extra: Partial<BuilderSession> = {}) => {
    setEditError(result.ok ? null : result.error);
    if (result.ok) update({ [field]: result.value, ...extra });
  };

  const chooseTemplate = (template: TemplateId) => {
    const alg = key ? algorithmFor(key, header.ok ? header.value.alg : undefined) : 'RS256';
    const kid = key ? defaultKidFor(key) : null;
    setEditError(null);
    update({ template, headerText: templateHeaderText(template, alg, kid), payloadText: templatePayloadText(template, { nowSeconds: nowSeconds() }), autoKid: kid });
  };

  const adoptKey = (next: SigningKey) => {
    setKeyError(null);
    const current = latest.current;
    const applied = applyKeyToHeader(current.headerText, { key: next, previousAutoKid: current.autoKid });
    if (!applied.ok) setEditError({ ...applied.error, message: `${applied.error.message} The new key's alg and kid were not written into the header.` });
    else setEditError(null);
    update({ key: next, keyVersion: current.keyVersion + 1, ...(applied.ok && { headerText: applied.value, autoKid: defaultKidFor(next) }) });
  };

  const generateKey = async (choice: KeyChoice) => {
    setBusy('generating');
    const result = await generateSigningKey(choice);
    setBusy(null);
    if (result.ok) adoptKey(result.value);
    else setKeyError(result.error);
  };

  const pasteKey = async (text: string): Promise<boolean> => {
    setBusy('importing');
    const result = await importPrivateKey(text);
    setBusy(null);
    if (result.ok) adoptKey(result.value);
    else setKeyError(result.error);
    return result.ok;
  };

  const chooseAlgorithm = (alg: string) => {
    if (key) applyEdit(applyKeyToHeader(headerText, { key, alg, previousAutoKid: session.autoKid }), 'headerText', { autoKid: defaultKidFor(key) });
  };

  const sign = async () => {
    const layout = session.layout;
    setBusy('signing');
    const result = await signToken({ headerText, payloadText, key, payloadLayout: layout });
    setBusy(null);
    if (!result.ok || !key) {
      setSignError(result.ok ? null : result.error);
      update({ signed: null });
      return;
    }
    setSignError(null);
    // The key text for the decoder carries the signed header's alg and kid, so the decoder picks it.
    const signedLabels = exportLabelsFor(key, result.value.header);
    const verificationKeyText =
      key.kind === 'asymmetric' ? publicJwksText(key, { alg: signedLabels.alg, kid: signedLabels.kid ?? key.kubernetesKid }) : secretJwkText(key, signedLabels);
    update({
      signed: {
        token: result.value.token,
        notes: result.value.notes,
        verificationKeyText,
        verificationKeyKind: key.kind === 'asymmetric' ? 'jwks' : 'secret-jwk',
        from: { headerText, payloadText, key, layout },
      },
    });
  };

  const signed = session.signed;
  const stale =
    signed !== null &&
    (signed.from.headerText !== headerText || signed.from.payloadText !== payloadText || signed.from.key !== key || signed.from.layout !== session.layout);

  return {
    session,
    header,
    payload,
    labels,
    busy,
    keyError,
    editError,
    signError,
    stale,
    setHeaderText: (text: string) => update({ headerText: text }),
    setPayloadText: (text: string) => update({ payloadText: text }),
    setLayout: (layout: PayloadLayout) => update({ layout }),
    chooseTemplate,
    generateKey,
    pasteKey,
    chooseAlgorithm,
    issuedNow: () => applyEdit(setIssuedNow(payloadText, nowSeconds()), 'payloadText'),
    expiresIn: (seconds: number) => applyEdit(setExpiresIn(payloadText, seconds, nowSeconds()), 'payloadText'),
    sign,
  };
}

export type Builder = ReturnType<typeof useBuilder>;
