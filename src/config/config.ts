// The one configuration file (YAML, rendered by the Helm chart from its values), its defaults, and validation with
// messages that name the field and what it should be. Pure: the caller reads the file and applies flag overrides.
import { load } from "js-yaml";
import { compileNameTemplate, type NameTemplate } from "../domain/binding.ts";
import { defaultLeaseTimings, defaultLimits, defaultPodLabels } from "../domain/defaults.ts";
import { isMapping, type Mapping } from "../domain/shapes.ts";

export interface Config {
  readonly controlNamespaces: readonly string[];
  /**
   * Which installation this is: the value of the label `secrets.flyte.org/installation` on every Secret it manages,
   * so two installations on one cluster never change each other's Secrets. Unset: the first control namespace (read
   * it with `installationOf`, which also sees a `--control-namespace` override).
   */
  readonly installation?: string;
  readonly podLabels: { readonly project: string; readonly domain: string };
  readonly namespaceTemplate?: NameTemplate;
  /** Only namespaces carrying all these labels are considered (default: all); lets installations share a cluster. */
  readonly namespaceSelector?: Readonly<Record<string, string>>;
  readonly logLevel: string;
  readonly controller: {
    readonly metricsPort: number;
    readonly leaderElection: {
      readonly enabled: boolean;
      readonly leaseName: string;
      readonly leaseDurationSeconds: number;
      readonly renewDeadlineSeconds: number;
      readonly retryPeriodSeconds: number;
    };
    readonly limits: {
      readonly maxValueBytes: number;
      readonly maxScopeBytes: number;
      readonly maxKeysPerSecret: number;
    };
    readonly webhookTls: {
      readonly enabled: boolean;
      readonly secretName: string;
      readonly serviceName: string;
      readonly webhookConfigurationName: string;
    };
  };
  readonly webhook: {
    readonly port: number;
    readonly metricsPort: number;
    readonly certDir: string;
    /** Which Flyte made `inject-flyte-secrets` pods: `auto` (by the `organization` label), `flyte1` or `flyte2`. */
    readonly flyteForm: "auto" | "flyte1" | "flyte2";
  };
  readonly api: ApiConfig;
}

// --- The Flyte API (flyteidl2 SecretService for Flyte's own CLI and SDK; DESIGN §7.1) ---

/** The Flyte API's settings: served by the controller (and the operator), never by the webhook. */
export interface ApiConfig {
  readonly enabled: boolean;
  readonly port: number;
  /** Listen address; "" for all interfaces. Plaintext mode listens on 127.0.0.1 whatever this says. */
  readonly host: string;
  /** Local mode only: no TLS, no authentication (callers act as the operator itself), bound to loopback. */
  readonly plaintext: boolean;
  readonly tls: {
    /** The kubernetes.io/tls Secret (tls.crt, tls.key, ca.crt) in the first control namespace. */
    readonly secretName: string;
    /** The controller keeps that Secret (a CA and a serving certificate); false: cert-manager or another tool does. */
    readonly selfManaged: boolean;
    /** The names the serving certificate covers (self-managed). */
    readonly dnsNames: readonly string[];
    readonly ipAddresses: readonly string[];
  };
}

/** The names of the API's Service in `namespace`, as the chart names it. */
export function apiServiceNames(namespace: string, service = "flyte-secrets-api"): string[] {
  return [
    service,
    `${service}.${namespace}`,
    `${service}.${namespace}.svc`,
    `${service}.${namespace}.svc.cluster.local`,
  ];
}

export function defaultApiConfig(namespace: string): ApiConfig {
  return {
    enabled: false,
    port: 8443,
    host: "",
    plaintext: false,
    tls: {
      secretName: "flyte-secrets-api-tls",
      selfManaged: true,
      dnsNames: apiServiceNames(namespace),
      ipAddresses: [],
    },
  };
}

const ipAddress = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-fA-F:]+)$/;
const dnsName = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function validateApiConfig(raw: unknown, r: Reader, namespace: string): ApiConfig {
  const base = defaultApiConfig(namespace);
  const api = r.object(raw, "api", ["enabled", "port", "host", "plaintext", "tls"]);
  const tls = r.object(api.tls, "api.tls", ["secretName", "selfManaged", "dnsNames", "ipAddresses"]);
  const list = (value: unknown, path: string, fallback: readonly string[], pattern: RegExp, rule: string) =>
    Array.isArray(value) && value.length === 0 ? [] : r.strings(value, path, fallback, pattern, rule);
  return {
    enabled: r.boolean(api.enabled, "api.enabled", base.enabled),
    port: r.integer(api.port, "api.port", base.port, 0, 65535),
    host: api.host === "" ? "" : r.string(api.host, "api.host", base.host),
    plaintext: r.boolean(api.plaintext, "api.plaintext", base.plaintext),
    tls: {
      secretName: r.string(
        tls.secretName,
        "api.tls.secretName",
        base.tls.secretName,
        dnsName,
        "a Secret name",
      ),
      selfManaged: r.boolean(tls.selfManaged, "api.tls.selfManaged", base.tls.selfManaged),
      dnsNames: list(tls.dnsNames, "api.tls.dnsNames", base.tls.dnsNames, dnsName, "a DNS name"),
      ipAddresses: list(
        tls.ipAddresses,
        "api.tls.ipAddresses",
        base.tls.ipAddresses,
        ipAddress,
        "an IP address",
      ),
    },
  };
}

// --- end of the Flyte API's settings ---

export function defaultConfig(namespace: string): Config {
  return {
    controlNamespaces: [namespace],
    podLabels: { ...defaultPodLabels },
    logLevel: "info",
    controller: {
      metricsPort: 8080,
      leaderElection: {
        enabled: false,
        leaseName: "flyte-secrets-controller",
        ...defaultLeaseTimings,
      },
      limits: { ...defaultLimits },
      webhookTls: {
        enabled: false,
        secretName: "flyte-secrets-webhook-tls",
        serviceName: "flyte-secrets-webhook",
        webhookConfigurationName: "flyte-secrets",
      },
    },
    webhook: { port: 9443, metricsPort: 8081, certDir: "/etc/flyte-secrets/tls", flyteForm: "auto" },
    api: defaultApiConfig(namespace),
  };
}

/** The installation's identity: `installation`, else the first control namespace. */
export function installationOf(config: Pick<Config, "installation" | "controlNamespaces">): string {
  return config.installation ?? config.controlNamespaces[0] ?? "flyte-secrets";
}

export type ConfigResult =
  | { readonly ok: true; readonly config: Config }
  | { readonly ok: false; readonly errors: string[] };

type Json = Mapping;
const dnsLabel = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const labelKey =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const labelValue = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

/** Reads known fields of `raw` over `base`, collecting one message per problem; unknown fields are errors. */
class Reader {
  readonly errors: string[] = [];

  object(value: unknown, path: string, known: readonly string[]): Json {
    if (value === undefined || value === null) return {};
    if (!isMapping(value)) {
      this.errors.push(`${path} must be a mapping`);
      return {};
    }
    for (const key of Object.keys(value)) {
      if (!known.includes(key))
        this.errors.push(`${path}.${key} is not a known setting (known: ${known.join(", ")})`);
    }
    return value;
  }

  string(value: unknown, path: string, fallback: string, pattern?: RegExp, rule?: string): string {
    if (value === undefined || value === null) return fallback;
    if (typeof value !== "string" || value === "" || (pattern && !pattern.test(value))) {
      this.errors.push(`${path} must be ${rule ?? "a non-empty string"}`);
      return fallback;
    }
    return value;
  }

  integer(value: unknown, path: string, fallback: number, min: number, max: number): number {
    if (value === undefined || value === null) return fallback;
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      this.errors.push(`${path} must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return value;
  }

  boolean(value: unknown, path: string, fallback: boolean): boolean {
    if (value === undefined || value === null) return fallback;
    if (typeof value !== "boolean") {
      this.errors.push(`${path} must be true or false`);
      return fallback;
    }
    return value;
  }

  strings(
    value: unknown,
    path: string,
    fallback: readonly string[],
    pattern: RegExp,
    rule: string,
  ): string[] {
    if (value === undefined || value === null) return [...fallback];
    if (!Array.isArray(value) || value.length === 0) {
      this.errors.push(`${path} must be a non-empty list`);
      return [...fallback];
    }
    return value.map((item, i) => this.string(item, `${path}[${i}]`, "", pattern, rule));
  }
}

/** Validates a parsed configuration document over the defaults for `namespace`. */
export function validateConfig(raw: unknown, namespace: string): ConfigResult {
  const base = defaultConfig(namespace);
  const r = new Reader();
  const top = r.object(raw, "config", [
    "controlNamespaces",
    "installation",
    "podLabels",
    "namespaceTemplate",
    "namespaceSelector",
    "logLevel",
    "controller",
    "webhook",
    "api",
  ]);
  const podLabels = r.object(top.podLabels, "podLabels", ["project", "domain"]);
  const controller = r.object(top.controller, "controller", [
    "metricsPort",
    "leaderElection",
    "limits",
    "webhookTls",
  ]);
  const le = r.object(controller.leaderElection, "controller.leaderElection", [
    "enabled",
    "leaseName",
    "leaseDurationSeconds",
    "renewDeadlineSeconds",
    "retryPeriodSeconds",
  ]);
  const limits = r.object(controller.limits, "controller.limits", [
    "maxValueBytes",
    "maxScopeBytes",
    "maxKeysPerSecret",
  ]);
  const tls = r.object(controller.webhookTls, "controller.webhookTls", [
    "enabled",
    "secretName",
    "serviceName",
    "webhookConfigurationName",
  ]);
  const webhook = r.object(top.webhook, "webhook", ["port", "metricsPort", "certDir", "flyteForm"]);
  const dns = "a DNS label (lower-case letters, digits and '-')";

  let namespaceTemplate: NameTemplate | undefined;
  if (top.namespaceTemplate !== undefined && top.namespaceTemplate !== null) {
    const t = r.object(top.namespaceTemplate, "namespaceTemplate", ["template", "domains"]);
    const candidate = {
      template: r.string(t.template, "namespaceTemplate.template", "{{ project }}-{{ domain }}"),
      domains: r.strings(t.domains, "namespaceTemplate.domains", [], dnsLabel, dns),
    };
    const compiled = compileNameTemplate(candidate);
    if (!compiled.ok) r.errors.push(`namespaceTemplate: ${compiled.message}`);
    namespaceTemplate = candidate;
  }

  let namespaceSelector: Record<string, string> | undefined;
  if (top.namespaceSelector !== undefined && top.namespaceSelector !== null) {
    const raw = top.namespaceSelector;
    if (!isMapping(raw)) r.errors.push("namespaceSelector must be a mapping of label keys to values");
    else {
      namespaceSelector = {};
      for (const [key, value] of Object.entries(raw)) {
        if (!labelKey.test(key))
          r.errors.push(`namespaceSelector key ${JSON.stringify(key)} must be a label key`);
        namespaceSelector[key] = r.string(value, `namespaceSelector.${key}`, "", labelValue, "a label value");
      }
    }
  }

  let installation: string | undefined;
  if (top.installation !== undefined && top.installation !== null) {
    const rule =
      "a label value of 1 to 63 characters (letters, digits, '-', '_', '.'; starting and ending alphanumeric)";
    installation = r.string(top.installation, "installation", "", labelValue, rule);
    if (installation.length > 63) r.errors.push(`installation must be ${rule}`);
  }

  const leaderElection = {
    enabled: r.boolean(
      le.enabled,
      "controller.leaderElection.enabled",
      base.controller.leaderElection.enabled,
    ),
    leaseName: r.string(
      le.leaseName,
      "controller.leaderElection.leaseName",
      base.controller.leaderElection.leaseName,
      dnsLabel,
      dns,
    ),
    leaseDurationSeconds: r.integer(
      le.leaseDurationSeconds,
      "controller.leaderElection.leaseDurationSeconds",
      base.controller.leaderElection.leaseDurationSeconds,
      2,
      600,
    ),
    renewDeadlineSeconds: r.integer(
      le.renewDeadlineSeconds,
      "controller.leaderElection.renewDeadlineSeconds",
      base.controller.leaderElection.renewDeadlineSeconds,
      1,
      600,
    ),
    retryPeriodSeconds: r.integer(
      le.retryPeriodSeconds,
      "controller.leaderElection.retryPeriodSeconds",
      base.controller.leaderElection.retryPeriodSeconds,
      1,
      60,
    ),
  };
  if (leaderElection.renewDeadlineSeconds >= leaderElection.leaseDurationSeconds) {
    r.errors.push("controller.leaderElection.renewDeadlineSeconds must be less than leaseDurationSeconds");
  }
  if (leaderElection.retryPeriodSeconds >= leaderElection.renewDeadlineSeconds) {
    r.errors.push("controller.leaderElection.retryPeriodSeconds must be less than renewDeadlineSeconds");
  }
  const config: Config = {
    controlNamespaces: r.strings(
      top.controlNamespaces,
      "controlNamespaces",
      base.controlNamespaces,
      dnsLabel,
      dns,
    ),
    podLabels: {
      project: r.string(
        podLabels.project,
        "podLabels.project",
        base.podLabels.project,
        labelKey,
        "a label key",
      ),
      domain: r.string(podLabels.domain, "podLabels.domain", base.podLabels.domain, labelKey, "a label key"),
    },
    ...(installation !== undefined ? { installation } : {}),
    ...(namespaceTemplate ? { namespaceTemplate } : {}),
    ...(namespaceSelector ? { namespaceSelector } : {}),
    logLevel: r.string(
      top.logLevel,
      "logLevel",
      base.logLevel,
      new RegExp(`^(${logLevels.join("|")})$`),
      `one of ${logLevels.join(", ")}`,
    ),
    controller: {
      metricsPort: r.integer(
        controller.metricsPort,
        "controller.metricsPort",
        base.controller.metricsPort,
        0,
        65535,
      ),
      leaderElection,
      limits: {
        maxValueBytes: r.integer(
          limits.maxValueBytes,
          "controller.limits.maxValueBytes",
          base.controller.limits.maxValueBytes,
          1,
          1024 * 1024,
        ),
        maxScopeBytes: r.integer(
          limits.maxScopeBytes,
          "controller.limits.maxScopeBytes",
          base.controller.limits.maxScopeBytes,
          1,
          1024 * 1024,
        ),
        maxKeysPerSecret: r.integer(
          limits.maxKeysPerSecret,
          "controller.limits.maxKeysPerSecret",
          base.controller.limits.maxKeysPerSecret,
          1,
          10_000,
        ),
      },
      webhookTls: {
        enabled: r.boolean(tls.enabled, "controller.webhookTls.enabled", base.controller.webhookTls.enabled),
        secretName: r.string(
          tls.secretName,
          "controller.webhookTls.secretName",
          base.controller.webhookTls.secretName,
        ),
        serviceName: r.string(
          tls.serviceName,
          "controller.webhookTls.serviceName",
          base.controller.webhookTls.serviceName,
          dnsLabel,
          dns,
        ),
        webhookConfigurationName: r.string(
          tls.webhookConfigurationName,
          "controller.webhookTls.webhookConfigurationName",
          base.controller.webhookTls.webhookConfigurationName,
        ),
      },
    },
    webhook: {
      port: r.integer(webhook.port, "webhook.port", base.webhook.port, 0, 65535),
      metricsPort: r.integer(webhook.metricsPort, "webhook.metricsPort", base.webhook.metricsPort, 0, 65535),
      certDir: r.string(webhook.certDir, "webhook.certDir", base.webhook.certDir),
      flyteForm: r.string(
        webhook.flyteForm,
        "webhook.flyteForm",
        base.webhook.flyteForm,
        /^(auto|flyte1|flyte2)$/,
        "auto, flyte1 or flyte2",
      ) as Config["webhook"]["flyteForm"],
    },
    api: validateApiConfig(top.api, r, namespace),
  };
  return r.errors.length > 0 ? { ok: false, errors: r.errors } : { ok: true, config };
}

/** Parses YAML text and validates it. */
export function parseConfig(text: string, namespace: string, source = "config"): ConfigResult {
  let raw: unknown;
  try {
    raw = text.trim() === "" ? {} : load(text);
  } catch (error) {
    const reason = (error as { reason?: string }).reason ?? "invalid YAML";
    const mark = (error as { mark?: { line?: number } }).mark;
    return {
      ok: false,
      errors: [`${source}: ${reason}${mark?.line !== undefined ? ` at line ${mark.line + 1}` : ""}`],
    };
  }
  return validateConfig(raw, namespace);
}
