// Scopes: where a FlyteSecret applies. (project?, domain?) with an omitted dimension meaning "any", so four kinds:
// organization, project, domain, project+domain. Resolution order for a task is the most specific first.

export interface Scope {
  readonly project?: string;
  readonly domain?: string;
}

export type ScopeKind = "organization" | "project" | "domain" | "project-domain";

export const organizationScope: Scope = {};

export function scopeKind(scope: Scope): ScopeKind {
  if (scope.project !== undefined && scope.domain !== undefined) return "project-domain";
  if (scope.project !== undefined) return "project";
  if (scope.domain !== undefined) return "domain";
  return "organization";
}

/** True for the organization scope (neither project nor domain). */
export function isOrganization(scope: Scope): boolean {
  return scope.project === undefined && scope.domain === undefined;
}

/** A project or domain has Kubernetes label-value syntax (it becomes a label of managed Secrets). */
export const SCOPE_VALUE_MAX_LENGTH = 63;
const scopeValuePattern = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
/** The rule of `isScopeValue` in words, to follow "is not a valid project: ". */
export const SCOPE_VALUE_RULE = `use at most ${SCOPE_VALUE_MAX_LENGTH} letters, digits, '-', '_' or '.', starting and ending with a letter or digit`;

export function isScopeValue(value: string): boolean {
  return value !== "" && value.length <= SCOPE_VALUE_MAX_LENGTH && scopeValuePattern.test(value);
}

export function sameScope(a: Scope, b: Scope): boolean {
  return a.project === b.project && a.domain === b.domain;
}

/** A stable text form for logs, messages and map keys: `organization`, `project=p`, `domain=d`, `project=p,domain=d`. */
export function describeScope(scope: Scope): string {
  const parts: string[] = [];
  if (scope.project !== undefined) parts.push(`project=${scope.project}`);
  if (scope.domain !== undefined) parts.push(`domain=${scope.domain}`);
  return parts.length === 0 ? "organization" : parts.join(",");
}

/** Builds a Scope, dropping empty strings so `""` and missing mean the same ("any"). */
export function scopeOf(project: string | undefined, domain: string | undefined): Scope {
  const scope: { project?: string; domain?: string } = {};
  if (project !== undefined && project !== "") scope.project = project;
  if (domain !== undefined && domain !== "") scope.domain = domain;
  return scope;
}

/**
 * The scopes a task of (project, domain) may see, in resolution order: project+domain, project, domain,
 * organization. Scopes needing an unknown dimension are left out.
 */
export function resolutionOrder(project: string | undefined, domain: string | undefined): Scope[] {
  const order: Scope[] = [];
  if (project !== undefined && domain !== undefined) order.push({ project, domain });
  if (project !== undefined) order.push({ project });
  if (domain !== undefined) order.push({ domain });
  order.push(organizationScope);
  return order;
}

/** True when a secret of `scope` applies to a task of (project, domain). */
export function scopeIncludes(scope: Scope, project: string, domain: string): boolean {
  return (
    (scope.project === undefined || scope.project === project) &&
    (scope.domain === undefined || scope.domain === domain)
  );
}
