// The flyte / kubectl-flyte program (DESIGN §7): Flyte's documented secret commands, with options before or after
// the arguments, over FlyteSecrets in a control namespace. `run` parses, validates, calls one command and turns
// every failure into one line on stderr and an exit code; the terminal, files and the API server come in as
// dependencies so the whole program runs in unit tests too.
import { Command, CommanderError, Option } from "commander";
import {
  CLI_SECRET_TYPES,
  type CliSecretType,
  keyProblem,
  OUTPUT_FORMATS,
  type OutputFormat,
  queryOf,
  quote,
  scopeOfOptions,
  writeRequestOf,
} from "./arguments.ts";
import {
  type CommandContext,
  createSecret,
  deleteSecret,
  getEffectiveSecrets,
  getSecrets,
  updateSecret,
} from "./commands.ts";
import { CliError, describeUnexpected } from "./errors.ts";
import { readValue, type ValueInput } from "./input.ts";
import type { ConnectOptions, SecretStore } from "./store.ts";

export const DEFAULT_NAMESPACE = "flyte-secrets";
export const NAMESPACE_ENV = "FLYTE_SECRETS_NAMESPACE";

export interface CliIo extends ValueInput {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface CliDependencies {
  /** `flyte`, or `kubectl flyte` when run as the kubectl plugin. */
  readonly programName: string;
  readonly io: CliIo;
  readonly connect: (options: ConnectOptions) => SecretStore;
}

interface GlobalOptions {
  readonly kubeconfig?: string;
  readonly context?: string;
  readonly namespace?: string;
}

interface ScopeOptions {
  readonly project?: string;
  readonly domain?: string;
}

interface WriteOptions extends ScopeOptions {
  readonly fromFile?: string;
  readonly type?: CliSecretType;
}

interface GetOptions extends ScopeOptions {
  readonly output: OutputFormat;
  readonly effective?: boolean;
}

/**
 * Commander's messages as one line. An unknown option is named only when it resembles a real one (Commander then
 * suggests it): otherwise it may be a value that starts with '-', which is never repeated.
 */
export function oneLine(message: string): string {
  const unknownOption = /^error: unknown option '/.test(message);
  const text =
    unknownOption && !message.includes("Did you mean")
      ? "error: unknown option (see --help); a value that starts with '-' goes after --, as in: create secret NAME -- VALUE"
      : message.replace(/'(-{1,2}[^'=\s]+)=[^']*'/g, "'$1=...'");
  const line = text
    .split("\n")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .join(" ");
  return `${line}\n`;
}

function examples(lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((l) => (l.startsWith("#") ? `  ${l}` : `  $ ${l}`)).join("\n")}\n`;
}

export function buildProgram(deps: CliDependencies): Command {
  const { programName: prog, io } = deps;

  const program = new Command(prog)
    .description(
      "Flyte's secret commands for a Kubernetes cluster running flyte-secrets: each secret is a FlyteSecret in " +
        "the control namespace, its value a Secret beside it, delivered to the task pods of its scope.",
    )
    .option("--kubeconfig <path>", "kubeconfig file (default: $KUBECONFIG, ~/.kube/config, or in-cluster)")
    .option("--context <name>", "kubeconfig context to use (default: the current context)")
    .option(
      "-n, --namespace <namespace>",
      `control namespace flyte-secrets is installed in (default: $${NAMESPACE_ENV}, else ${DEFAULT_NAMESPACE})`,
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: (text, write) => write(oneLine(text)),
    })
    .configureHelp({
      showGlobalOptions: true,
      sortSubcommands: true,
      // `create secret [options] <NAME> [VALUE]` rather than `create [options] [command]`.
      subcommandTerm: (cmd) => {
        const [resource] = cmd.commands;
        return resource === undefined
          ? `${cmd.name()} ${cmd.usage()}`
          : `${cmd.name()} ${resource.name()} ${resource.usage()}`;
      },
    })
    .showSuggestionAfterError(true)
    .helpCommand(false)
    // Surplus arguments are reported by the actions: Commander's own message would list them, values included.
    .allowExcessArguments()
    .action((_options: GlobalOptions, self: Command) => {
      const [command] = self.args;
      if (command === undefined) program.outputHelp();
      else throw new CliError(`unknown command ${quote(command)}: use create, get, update or delete`);
    })
    .addHelpText(
      "after",
      examples([
        `${prog} create secret MY_SECRET_KEY my_secret_value`,
        `${prog} create secret --project my_project --domain development MY_SECRET_KEY my_secret_value`,
        `${prog} get secret`,
        `${prog} delete secret MY_SECRET_KEY`,
      ]),
    );

  const context = (command: Command): CommandContext => {
    const globals = command.optsWithGlobals<GlobalOptions>();
    const store = deps.connect({
      kubeconfig: globals.kubeconfig,
      context: globals.context,
      namespace: globals.namespace ?? nonEmpty(io.env[NAMESPACE_ENV]) ?? DEFAULT_NAMESPACE,
    });
    return {
      store,
      programName: prog,
      readValue: (source, key) => readValue(io, source, key),
      out: io.stdout,
      note: io.stderr,
    };
  };

  const verb = (name: string, description: string): Command => {
    const command = program.command(name).description(description).allowExcessArguments();
    // `flyte create` alone, or with a resource other than `secret`: one line, not a screen of help.
    command.action((_options: GlobalOptions, self: Command) => {
      const [resource] = self.args;
      throw new CliError(
        resource === undefined
          ? `say what to ${name}: ${prog} ${name} secret ... (see ${prog} ${name} secret --help)`
          : `unknown resource ${quote(resource)}: ${prog} ${name} knows only "secret"`,
      );
    });
    return command;
  };

  /** Refuses surplus arguments without repeating them: one of them could be a value. */
  const noSurplus = (self: Command, usage: string): void => {
    if (self.args.length > self.registeredArguments.length) {
      const hint = usage.includes("VALUE") ? " (quote a value that contains spaces)" : "";
      throw new CliError(`too many arguments: expected ${usage}${hint}`);
    }
  };

  const scopeOptions = (command: Command, what: string): Command =>
    command
      .option("-p, --project <project>", `${what} project (omit: any project)`)
      .option("-d, --domain <domain>", `${what} domain (omit: any domain)`);

  // ---- create / update ----

  const writeCommand = (parent: Command, mode: "create" | "update"): Command => {
    const command = parent
      .command("secret")
      .alias("secrets")
      .description(
        mode === "create"
          ? "create a secret scoped to the organization, a project, a domain, or a project and domain"
          : "replace the value of an existing secret (rotation); tasks see the new value",
      )
      .argument("<NAME>", 'the secret\'s key, as tasks ask for it: flyte.Secret(key="NAME")')
      .argument(
        "[VALUE]",
        "the value; without it and --from-file: a hidden prompt on a terminal, else all of stdin",
      )
      .allowExcessArguments();
    scopeOptions(command, mode === "create" ? "only tasks of this" : "the secret's")
      .option("--from-file <path>", "read the value from a file, byte for byte")
      .addOption(
        new Option(
          "--type <type>",
          mode === "create"
            ? "regular, or image_pull (a Docker config JSON, organization-wide)"
            : "the secret's type, checked against the existing one",
        )
          .choices(CLI_SECRET_TYPES)
          .default(mode === "create" ? "regular" : undefined),
      )
      .addHelpText(
        "after",
        examples(
          mode === "create"
            ? [
                "# An organization-wide secret: every project and domain",
                `${prog} create secret MY_SECRET_KEY my_secret_value`,
                "# Only for tasks of project my_project in domain development",
                `${prog} create secret --project my_project --domain development MY_SECRET_KEY my_secret_value`,
                "# From a file, byte for byte (mount it as a file in the task)",
                `${prog} create secret MY_SECRET_KEY --from-file /local/path/to/my_secret_file`,
                "# From stdin, or typed at a hidden prompt when stdin is a terminal",
                `printf %s "$TOKEN" | ${prog} create secret MY_SECRET_KEY`,
                "# An image pull secret from a Docker config (organization-wide, as in Flyte)",
                `${prog} create secret --type image_pull my-registry --from-file ~/.docker/config.json`,
              ]
            : [
                "# Rotate an organization-wide secret",
                `${prog} update secret MY_SECRET_KEY my_new_value`,
                "# Rotate the secret of project my_project in domain development, from a file",
                `${prog} update secret --project my_project --domain development MY_SECRET_KEY --from-file ./new_value`,
              ],
        ),
      )
      .action(async (name: string, value: string | undefined, options: WriteOptions, self: Command) => {
        noSurplus(self, "NAME [VALUE]");
        const request = writeRequestOf({ name, value, ...options }, io.stdinIsTerminal);
        if (!request.ok) throw new CliError(request.message);
        const ctx = context(self);
        await (mode === "create" ? createSecret(ctx, request.value) : updateSecret(ctx, request.value));
      });
    return command;
  };

  writeCommand(verb("create", "create a secret"), "create");
  writeCommand(verb("update", "replace a secret's value"), "update");

  // ---- get ----

  const get = verb("get", "list secrets");
  scopeOptions(
    get
      .command("secret")
      .alias("secrets")
      .description("list secrets (never their values); with NAME, that key in every scope")
      .argument("[NAME]", "only this key")
      .allowExcessArguments(),
    "only secrets scoped to this",
  )
    .addOption(new Option("-o, --output <format>", "output format").choices(OUTPUT_FORMATS).default("table"))
    .option(
      "--effective",
      "what a task of --project and --domain receives: per key, the secret of the scope that wins",
    )
    .addHelpText(
      "after",
      examples([
        "# Every secret, in every scope",
        `${prog} get secret`,
        "# The secrets only available in project my_project and domain development",
        `${prog} get secret --project my_project --domain development`,
        "# One key in every scope, as the FlyteSecret objects",
        `${prog} get secret MY_SECRET_KEY -o yaml`,
        "# What a task of my_project in development gets: per key, the winning scope",
        `${prog} get secret --project my_project --domain development --effective`,
      ]),
    )
    .action(async (name: string | undefined, options: GetOptions, self: Command) => {
      noSurplus(self, "[NAME]");
      const query = queryOf(name, options.project, options.domain);
      if (!query.ok) throw new CliError(query.message);
      if (options.effective === true) {
        const { project, domain } = query.value;
        if (project === undefined || domain === undefined) {
          throw new CliError(
            "--effective shows what a task receives, and a task has a project and a domain: pass both --project and --domain",
          );
        }
        await getEffectiveSecrets(context(self), { ...query.value, project, domain }, options.output);
        return;
      }
      await getSecrets(context(self), query.value, options.output);
    });

  // ---- delete ----

  const del = verb("delete", "delete a secret");
  scopeOptions(
    del
      .command("secret")
      .alias("secrets")
      .description(
        "delete the secret of NAME at exactly the scope given (no --project/--domain: organization)",
      )
      .argument("<NAME>", "the secret's key")
      .allowExcessArguments(),
    "the secret's",
  )
    .addHelpText(
      "after",
      examples([
        "# Delete the organization-wide secret",
        `${prog} delete secret MY_SECRET_KEY`,
        "# Delete the one of project my_project in domain development",
        `${prog} delete secret --project my_project --domain development MY_SECRET_KEY`,
      ]),
    )
    .action(async (name: string, options: ScopeOptions, self: Command) => {
      noSurplus(self, "NAME");
      const keyIssue = keyProblem(name);
      if (keyIssue !== undefined) throw new CliError(keyIssue);
      const scope = scopeOfOptions(options.project, options.domain);
      if (!scope.ok) throw new CliError(scope.message);
      await deleteSecret(context(self), name, scope.value);
    });

  return program;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}

/** Runs the program on `argv` (without node and script) and returns the exit code. */
export async function run(argv: readonly string[], deps: CliDependencies): Promise<number> {
  const program = buildProgram(deps);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (error) {
    // Commander has already printed its own message (as one line) or the help.
    if (error instanceof CommanderError) return error.exitCode;
    deps.io.stderr(`error: ${describeUnexpected(error)}\n`);
    return error instanceof CliError ? error.exitCode : 1;
  }
}
