// In-memory stand-ins for the API server and the terminal, so the whole program runs in unit tests.

import { CliError } from "../../../src/cli/errors.ts";
import type { CliDependencies, CliIo } from "../../../src/cli/program.ts";
import type { ConnectOptions, SecretStore } from "../../../src/cli/store.ts";
import type { FlyteSecretObject } from "../../../src/domain/api.ts";
import type { FlyteSecretPage, Owner, SourceSecret } from "../../../src/operations/store.ts";

type Method = keyof Omit<SecretStore, "namespace" | "server">;

export class FakeStore implements SecretStore {
  readonly namespace: string;
  readonly server = "https://fake:6443";
  readonly flyteSecrets = new Map<string, FlyteSecretObject>();
  readonly secrets = new Map<string, SourceSecret>();
  /** Every call, as `verb resource/name`. */
  readonly calls: string[] = [];
  /** Makes the next call of a method throw (once). */
  readonly failures = new Map<Method, Error>();
  /** Answers the next calls of a method with these outcomes instead of doing the work. */
  readonly outcomes = new Map<Method, string[]>();
  private serial = 0;

  constructor(namespace = "flyte-secrets") {
    this.namespace = namespace;
  }

  private enter(method: Method, call: string): string | undefined {
    this.calls.push(call);
    const failure = this.failures.get(method);
    if (failure !== undefined) {
      this.failures.delete(method);
      throw failure;
    }
    return this.outcomes.get(method)?.shift();
  }

  nextUid(): string {
    this.serial += 1;
    return `uid-${this.serial}`;
  }

  /** Adds a FlyteSecret as kubectl would (any name), returning it. */
  addFlyteSecret(name: string, spec: FlyteSecretObject["spec"], status?: FlyteSecretObject["status"]) {
    const object: FlyteSecretObject = {
      apiVersion: "secrets.flyte.org/v1alpha1",
      kind: "FlyteSecret",
      metadata: {
        name,
        namespace: this.namespace,
        uid: this.nextUid(),
        creationTimestamp: "2025-01-31T12:00:00Z",
      },
      spec,
      ...(status === undefined ? {} : { status }),
    };
    this.flyteSecrets.set(name, object);
    return object;
  }

  async listFlyteSecrets(): Promise<FlyteSecretObject[]> {
    this.enter("listFlyteSecrets", "list flytesecrets");
    return [...this.flyteSecrets.values()];
  }

  /** Pages of `limit` in name order; the continue token is the last name of the page. */
  async listFlyteSecretPage(page: { limit: number; continueToken?: string }): Promise<FlyteSecretPage> {
    this.enter("listFlyteSecretPage", "list flytesecrets");
    const sorted = [...this.flyteSecrets.values()].sort((a, b) =>
      a.metadata.name.localeCompare(b.metadata.name),
    );
    const from =
      page.continueToken === undefined
        ? sorted
        : sorted.filter((o) => o.metadata.name > (page.continueToken ?? ""));
    const items = from.slice(0, page.limit);
    const last = items.at(-1);
    return {
      items,
      ...(from.length > page.limit && last !== undefined ? { continueToken: last.metadata.name } : {}),
    };
  }

  async createFlyteSecret(body: object) {
    const manifest = body as FlyteSecretObject;
    const name = manifest.metadata.name;
    const forced = this.enter("createFlyteSecret", `create flytesecrets/${name}`);
    if (forced === "exists" || this.flyteSecrets.has(name)) return { kind: "exists" as const };
    const object: FlyteSecretObject = {
      ...manifest,
      metadata: { ...manifest.metadata, namespace: this.namespace, uid: this.nextUid() },
    };
    this.flyteSecrets.set(name, object);
    return { kind: "created" as const, object };
  }

  async deleteFlyteSecret(owner: Owner) {
    this.enter("deleteFlyteSecret", `delete flytesecrets/${owner.name}`);
    const current = this.flyteSecrets.get(owner.name);
    if (current === undefined) return "gone" as const;
    if (current.metadata.uid !== owner.uid) return "replaced" as const;
    this.flyteSecrets.delete(owner.name);
    return "deleted" as const;
  }

  async readSecret(name: string) {
    this.enter("readSecret", `get secrets/${name}`);
    const secret = this.secrets.get(name);
    return secret === undefined ? undefined : structuredClone(secret);
  }

  async createSecret(body: SourceSecret) {
    const name = body.metadata?.name ?? "";
    const forced = this.enter("createSecret", `create secrets/${name}`);
    if (forced === "exists" || this.secrets.has(name)) return "exists" as const;
    this.secrets.set(name, {
      ...structuredClone(body),
      metadata: { ...structuredClone(body.metadata), uid: this.nextUid(), resourceVersion: "1" },
    });
    return "created" as const;
  }

  async replaceSecret(body: SourceSecret) {
    const name = body.metadata?.name ?? "";
    const forced = this.enter("replaceSecret", `update secrets/${name}`);
    if (forced === "conflict") return "conflict" as const;
    const current = this.secrets.get(name);
    if (current === undefined) return "gone" as const;
    if (current.metadata?.resourceVersion !== body.metadata?.resourceVersion) return "conflict" as const;
    const version = String(Number(current.metadata?.resourceVersion ?? "0") + 1);
    this.secrets.set(name, {
      ...structuredClone(body),
      metadata: { ...structuredClone(body.metadata), resourceVersion: version },
    });
    return "replaced" as const;
  }

  async deleteSecret(target: Owner) {
    this.enter("deleteSecret", `delete secrets/${target.name}`);
    const current = this.secrets.get(target.name);
    if (current === undefined) return "gone" as const;
    if (current.metadata?.uid !== target.uid) return "replaced" as const;
    this.secrets.delete(target.name);
    return "deleted" as const;
  }
}

export interface FakeTerminal {
  readonly io: CliIo;
  stdout(): string;
  stderr(): string;
  readonly files: Map<string, Uint8Array>;
  prompts: string[];
}

export function fakeTerminal(
  options: {
    stdin?: Uint8Array;
    terminal?: boolean;
    typed?: string | undefined;
    env?: Record<string, string>;
  } = {},
): FakeTerminal {
  let out = "";
  let err = "";
  const files = new Map<string, Uint8Array>();
  const prompts: string[] = [];
  return {
    files,
    prompts,
    stdout: () => out,
    stderr: () => err,
    io: {
      stdout: (text) => {
        out += text;
      },
      stderr: (text) => {
        err += text;
      },
      env: options.env ?? {},
      stdinIsTerminal: options.terminal ?? false,
      readStdin: async () => options.stdin ?? new Uint8Array(),
      readFile: async (path) => {
        const data = files.get(path);
        if (data === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: "ENOENT" });
        return data;
      },
      prompt: async (question) => {
        prompts.push(question);
        return "typed" in options ? options.typed : "";
      },
    },
  };
}

/** Dependencies over a fake store; `connections` records what each command connected with. */
export function fakeDependencies(store: FakeStore, terminal: FakeTerminal, programName = "flyte") {
  const connections: ConnectOptions[] = [];
  const deps: CliDependencies = {
    programName,
    io: terminal.io,
    connect: (options) => {
      connections.push(options);
      if (options.kubeconfig === "/missing")
        throw new CliError("cannot read the kubeconfig /missing: no such file");
      return store;
    },
  };
  return { deps, connections };
}
