// Namespace participation (DESIGN §4): from a namespace's labels (or, optionally, its name) decide whether task pods
// there take part, and which project/domain they may be of.
import { labels } from "./api.ts";
import type { Scope } from "./scope.ts";

export type NamespaceBinding =
  /** Pods here may only be of this project and/or domain; at least one of the two is set. */
  | {
      readonly kind: "bound";
      readonly project?: string;
      readonly domain?: string;
      readonly via: "labels" | "name";
    }
  /** Pods of any project and domain run here (Flyte 2 style). */
  | { readonly kind: "shared" }
  /** The namespace does not take part. */
  | { readonly kind: "none" }
  /** The labels contradict each other; the namespace does not take part until they are fixed. */
  | { readonly kind: "invalid"; readonly message: string };

/** Optional binding of Flyte's default `{{ project }}-{{ domain }}` namespaces without labels. */
export interface NameTemplate {
  /** Contains `{{ project }}` and `{{ domain }}`, e.g. `{{ project }}-{{ domain }}`. */
  readonly template: string;
  /** The known domains, e.g. development, staging, production. */
  readonly domains: readonly string[];
}

export interface NamespaceFacts {
  readonly name: string;
  readonly labels?: Readonly<Record<string, string>>;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Compiles a template to a matcher; returns an error message for a template without both placeholders. */
export function compileNameTemplate(
  template: NameTemplate,
): { ok: true; match: (name: string) => Scope | undefined } | { ok: false; message: string } {
  const placeholder = /\{\{\s*(project|domain)\s*\}\}/g;
  const found = [...template.template.matchAll(placeholder)].map((m) => m[1]);
  if (found.filter((p) => p === "project").length !== 1 || found.filter((p) => p === "domain").length !== 1) {
    return {
      ok: false,
      message: `namespace name template ${JSON.stringify(template.template)} must contain {{ project }} and {{ domain }} exactly once each`,
    };
  }
  if (template.domains.length === 0) {
    return { ok: false, message: "a namespace name template needs at least one known domain" };
  }
  const domainAlternatives = [...template.domains]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|");
  let pattern = "^";
  let last = 0;
  const order: Array<"project" | "domain"> = [];
  for (const m of template.template.matchAll(placeholder)) {
    pattern += escapeRegExp(template.template.slice(last, m.index));
    const which = m[1] as "project" | "domain";
    order.push(which);
    pattern += which === "project" ? "([a-z0-9](?:[-a-z0-9]*[a-z0-9])?)" : `(${domainAlternatives})`;
    last = (m.index ?? 0) + m[0].length;
  }
  pattern += `${escapeRegExp(template.template.slice(last))}$`;
  const regexp = new RegExp(pattern);
  return {
    ok: true,
    match: (name) => {
      const m = regexp.exec(name);
      if (!m) return undefined;
      const values = { project: "", domain: "" };
      order.forEach((which, i) => {
        values[which] = m[i + 1] ?? "";
      });
      return { project: values.project, domain: values.domain };
    },
  };
}

/** Decides how a namespace takes part. Labels win over the name template. */
export function bindingOf(
  namespace: NamespaceFacts,
  matchName?: (name: string) => Scope | undefined,
): NamespaceBinding {
  const l = namespace.labels ?? {};
  const shared = l[labels.shared];
  const project = l[labels.project];
  const domain = l[labels.domain];
  const hasProject = project !== undefined && project !== "";
  const hasDomain = domain !== undefined && domain !== "";
  if (shared !== undefined && shared !== "true" && shared !== "false") {
    return {
      kind: "invalid",
      message: `namespace ${namespace.name} has label ${labels.shared}=${JSON.stringify(shared)}; use "true" or remove the label`,
    };
  }
  if (shared === "true") {
    if (hasProject || hasDomain) {
      return {
        kind: "invalid",
        message: `namespace ${namespace.name} is labelled ${labels.shared}=true and also ${hasProject ? labels.project : labels.domain}; a namespace is either shared or bound: remove one of the labels`,
      };
    }
    return { kind: "shared" };
  }
  if (hasProject || hasDomain) {
    return {
      kind: "bound",
      via: "labels",
      ...(hasProject ? { project } : {}),
      ...(hasDomain ? { domain } : {}),
    };
  }
  const byName = matchName?.(namespace.name);
  if (byName?.project !== undefined && byName.domain !== undefined) {
    return { kind: "bound", via: "name", project: byName.project, domain: byName.domain };
  }
  return { kind: "none" };
}

/**
 * True when a namespace's labels carry every label of an installation's `namespaceSelector` (an empty or absent
 * selector takes every namespace): only such namespaces are considered at all.
 */
export function selectorMatches(
  selector: Readonly<Record<string, string>> | undefined,
  namespaceLabels: Readonly<Record<string, string>> | undefined,
): boolean {
  if (selector === undefined) return true;
  return Object.entries(selector).every(([k, v]) => namespaceLabels?.[k] === v);
}

export function participates(
  binding: NamespaceBinding,
): binding is Extract<NamespaceBinding, { kind: "bound" | "shared" }> {
  return binding.kind === "bound" || binding.kind === "shared";
}

/**
 * True when a secret of `scope` may be needed by some pod in a namespace with this binding: every scope in a shared
 * namespace; in a bound one, the scopes whose fixed dimensions agree with the binding.
 */
export function bindingSees(binding: NamespaceBinding, scope: Scope): boolean {
  switch (binding.kind) {
    case "shared":
      return true;
    case "bound":
      return (
        (binding.project === undefined || scope.project === undefined || scope.project === binding.project) &&
        (binding.domain === undefined || scope.domain === undefined || scope.domain === binding.domain)
      );
    default:
      return false;
  }
}

export type PodIdentity =
  | { readonly ok: true; readonly project: string; readonly domain: string }
  | { readonly ok: false; readonly message: string };

/**
 * The project and domain of a pod in a namespace: from its labels, with a missing label taken from a bound
 * namespace; a label contradicting the binding is refused; in a shared namespace both labels are required.
 */
export function podIdentity(
  binding: NamespaceBinding,
  namespace: string,
  podProject: string | undefined,
  podDomain: string | undefined,
  labelKeys: { readonly project: string; readonly domain: string },
): PodIdentity {
  const project = podProject === "" ? undefined : podProject;
  const domain = podDomain === "" ? undefined : podDomain;
  switch (binding.kind) {
    case "none":
      return {
        ok: false,
        message: `namespace ${namespace} does not take part in flyte-secrets: label it ${labels.project}=<project> and/or ${labels.domain}=<domain>, or ${labels.shared}=true`,
      };
    case "invalid":
      return { ok: false, message: binding.message };
    case "shared": {
      const missing = [
        project === undefined ? labelKeys.project : "",
        domain === undefined ? labelKeys.domain : "",
      ]
        .filter((s) => s !== "")
        .join(" and ");
      if (project === undefined || domain === undefined) {
        return {
          ok: false,
          message: `pod in shared namespace ${namespace} has no ${missing} label; pods in a shared namespace must carry both ${labelKeys.project} and ${labelKeys.domain}`,
        };
      }
      return { ok: true, project, domain };
    }
    case "bound": {
      for (const [dimension, fromPod, bound, key] of [
        ["project", project, binding.project, labelKeys.project],
        ["domain", domain, binding.domain, labelKeys.domain],
      ] as const) {
        if (fromPod !== undefined && bound !== undefined && fromPod !== bound) {
          return {
            ok: false,
            message: `pod label ${key}=${fromPod} contradicts namespace ${namespace}, which is bound to ${dimension} ${bound}; run the pod in a namespace of ${dimension} ${fromPod} or fix the label`,
          };
        }
      }
      const p = project ?? binding.project;
      const d = domain ?? binding.domain;
      if (p === undefined || d === undefined) {
        const absent =
          p === undefined ? `project (label ${labelKeys.project})` : `domain (label ${labelKeys.domain})`;
        return {
          ok: false,
          message: `pod in namespace ${namespace} has no ${absent}, and the namespace is not bound to one; add the label to the pod`,
        };
      }
      return { ok: true, project: p, domain: d };
    }
  }
}
