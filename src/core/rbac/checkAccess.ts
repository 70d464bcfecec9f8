/**
 * One question answered as the RBAC authorizer would (kubernetes/kubernetes
 * plugin/pkg/auth/authorizer/rbac/rbac.go Authorize @ v1.33): allowed by the first rule that
 * matches, in the authorizer's visiting order, with its reason (`RBAC: allowed by …`); every other
 * granting rule is listed too. When denied: the authorizer's reason (errors met, such as a missing
 * role), the rules that almost match and why not, and the note that other authorizers may still
 * allow it.
 */
import { ACCESS_NOTES } from './accessCatalogue';
import type { AccessQuestion } from './accessQuestion';
import type { AccessSubject } from './accessSubject';
import { denialReason } from './authorizerWords';
import { brokenGrantRef, grantRef, type BrokenGrantRef, type GrantRef } from './grantRefs';
import { nearMisses, type NearMiss } from './nearMiss';
import type { RbacIndex } from './rbacIndex';
import { ruleAllows } from './ruleMatch';
import { applicableBindings, bindingsInScope, brokenOf, grantsOf, type ApplicableBinding } from './visitRules';

export interface AccessAnswer {
  allowed: boolean;
  /** `get pods/log named "web-0" in namespace "shop"`. */
  question: string;
  /**
   * The authorizer's reason: `RBAC: allowed by …` when allowed; when denied, the errors it met
   * (`RBAC: clusterrole.rbac.authorization.k8s.io "x" not found`) or ''.
   */
  reason: string;
  /** Every rule that allows the request; the first is the one the authorizer names. */
  grants: GrantRef[];
  /** Bindings of the subject in scope whose role is missing. */
  broken: BrokenGrantRef[];
  /** When denied: the closest rules and why they do not match. */
  nearMisses: NearMiss[];
  notes: string[];
}

export function checkAccess(index: RbacIndex, subject: AccessSubject, question: AccessQuestion, applicable?: readonly ApplicableBinding[]): AccessAnswer {
  const all = applicable ?? applicableBindings(index, subject);
  const { request } = question;
  const scope = bindingsInScope(all, request.type === 'resource' ? request.namespace : '');
  const grants: GrantRef[] = [];
  const broken: BrokenGrantRef[] = [];
  for (const a of scope) {
    const b = brokenOf(a);
    if (b) broken.push(brokenGrantRef(b));
    for (const g of grantsOf(a)) if (ruleAllows(g.rule, request)) grants.push(grantRef(g));
  }
  const allowed = grants.length > 0;
  const notes = [...question.notes];
  if (subject.groups.includes('system:masters')) notes.push(ACCESS_NOTES.privilegedGroup);
  if (!allowed) notes.push(ACCESS_NOTES.otherAuthorizers);
  return {
    allowed,
    question: question.text,
    reason: allowed ? (grants[0] as GrantRef).reason : denialReason(broken.map((b) => b.error)),
    grants,
    broken,
    nearMisses: allowed ? [] : nearMisses(all.flatMap(grantsOf), request),
    notes,
  };
}
