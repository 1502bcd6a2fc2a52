// The flyte / kubectl-flyte program (DESIGN §7): Flyte's documented secret commands, with options before or after
// the arguments, over FlyteSecrets in a control namespace. `run` parses, validates, calls one command and turns
// every failure into one line on stderr and an exit code; the terminal, files and the API server come in as
// dependencies so the whole program runs in unit tests too. The command line is made safe first (argv.ts), so a
// value is never read as an option.
import { readFileSync } from "node:fs";
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
import { type ArgvSpec, type CommandSpec, type OptionSpec, prepareArgv } from "./argv.ts";
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
  /** Loads the Kubernetes client only when called: commands that need no cluster start fast. */
  readonly connect: (options: ConnectOptions) => SecretStore | Promise<SecretStore>;
}

interface GlobalOptions {
  readonly kubeconfig?: string;
  readonly context?: string;
  readonly namespace?: string;
  readonly outputFormat?: OutputFormat;
}

interface ScopeOptions {
  readonly project?: string;
  readonly domain?: string;
}

interface WriteOptions extends ScopeOptions {
  readonly value?: string;
  readonly fromFile?: string;
  readonly type?: CliSecretType;
}

interface GetOptions extends ScopeOptions {
  readonly output?: OutputFormat;
  readonly effective?: boolean;
}

/**
 * Commander's messages as one line. Unknown options are reported by prepareArgv before Commander sees them; should
 * one still reach Commander, it is named only when it resembles a real one: it may be a value starting with '-'.
 */
export function oneLine(message: string): string {
  const unknownOption = /^error: unknown option '/.test(message);
  const text =
    unknownOption && !message.includes("Did you mean")
      ? "error: unknown option (not repeated: it may be a value; see --help)"
      : message.replace(/'(-{1,2}[^'=\s]+)=[^']*'/g, "'$1=...'");
  const line = text
    .split("\n")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .join(" ");
  return `${line}\n`;
}

/** The version in package.json (beside src/ and dist/ alike). */
function packageVersion(): string {
  try {
    const text = readFileSync(new URL("../../package.json", import.meta.url), "utf8");
    return (JSON.parse(text) as { version?: string }).version ?? "unknown";
  } catch {
    return "unknown";
  }
}

/** Refuses `--project ""`: an unset shell variable must not silently widen a secret to every project. */
function emptyScopeProblem(
  options: ScopeOptions,
  verb: "create" | "update" | "get" | "delete",
): string | undefined {
  for (const flag of ["project", "domain"] as const) {
    if (options[flag] !== "") continue;
    const fix =
      verb === "create"
        ? `give a ${flag}, or leave --${flag} out for a secret of every ${flag}`
        : verb === "get"
          ? `give a ${flag} to list, or leave --${flag} out to list every ${flag}`
          : `give the secret's ${flag}, or leave --${flag} out for a secret not scoped to a ${flag}`;
    return `--${flag} is empty (an unset variable?): ${fix}`;
  }
  return undefined;
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
    .addOption(outputFormatOption())
    .version(`flyte-secrets ${packageVersion()}`, "--version", "print the version")
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

  const context = async (command: Command): Promise<CommandContext> => {
    const globals = command.optsWithGlobals<GlobalOptions>();
    if (globals.namespace === "") {
      throw new CliError(
        `-n/--namespace is empty (an unset variable?): give the control namespace, or leave it out for $${NAMESPACE_ENV}, else ${DEFAULT_NAMESPACE}`,
      );
    }
    const store = await deps.connect({
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
        "the value; without it, --value and --from-file: a hidden prompt on a terminal, else all of stdin",
      )
      .allowExcessArguments();
    scopeOptions(command, mode === "create" ? "only tasks of this" : "the secret's")
      .option("--value <value>", "the value, as Flyte 2's CLI spells it (same as VALUE)")
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
      .action(async (name: string, argument: string | undefined, options: WriteOptions, self: Command) => {
        noSurplus(self, "NAME [VALUE]");
        const empty = emptyScopeProblem(options, mode);
        if (empty !== undefined) throw new CliError(empty);
        const given = [argument, options.value, options.fromFile].filter((v) => v !== undefined).length;
        if (given > 1) {
          throw new CliError("give the value one way: as VALUE, with --value, or with --from-file");
        }
        const { value: _option, ...rest } = options;
        const value = argument ?? options.value;
        const request = writeRequestOf({ name, value, ...rest }, io.stdinIsTerminal);
        if (!request.ok) throw new CliError(request.message);
        const ctx = await context(self);
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
    .addOption(
      new Option("-o, --output <format>", "output format (default: table; also -of/--output-format)").choices(
        OUTPUT_FORMATS,
      ),
    )
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
        "# As Flyte 2's CLI spells it",
        `${prog} get secret -of json`,
      ]),
    )
    .action(async (name: string | undefined, options: GetOptions, self: Command) => {
      noSurplus(self, "[NAME]");
      const empty = emptyScopeProblem(options, "get");
      if (empty !== undefined) throw new CliError(empty);
      const { outputFormat } = self.optsWithGlobals<GlobalOptions>();
      if (options.output !== undefined && outputFormat !== undefined && options.output !== outputFormat) {
        throw new CliError("-o and -of/--output-format ask for different formats: give one of them");
      }
      const query = queryOf(name, options.project, options.domain);
      if (!query.ok) throw new CliError(query.message);
      const output = options.output ?? outputFormat ?? "table";
      if (options.effective === true) {
        const { project, domain } = query.value;
        if (project === undefined || domain === undefined) {
          throw new CliError(
            "--effective shows what a task receives, and a task has a project and a domain: pass both --project and --domain",
          );
        }
        await getEffectiveSecrets(await context(self), { ...query.value, project, domain }, output);
        return;
      }
      await getSecrets(await context(self), query.value, output);
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
      const empty = emptyScopeProblem(options, "delete");
      if (empty !== undefined) throw new CliError(empty);
      const keyIssue = keyProblem(name);
      if (keyIssue !== undefined) throw new CliError(keyIssue);
      const scope = scopeOfOptions(options.project, options.domain);
      if (!scope.ok) throw new CliError(scope.message);
      await deleteSecret(await context(self), name, scope.value);
    });

  return program;
}

/** Flyte 2's `-of/--output-format`, global as there; `-of` is rewritten to `--output-format` by prepareArgv. */
function outputFormatOption(): Option {
  const option = new Option(
    "--output-format <format>",
    "output format of get secret, as Flyte 2's CLI spells it (same as -o)",
  ).choices(OUTPUT_FORMATS);
  option.flags = "-of, --output-format <format>";
  return option;
}

function optionSpecOf(option: Option): OptionSpec {
  return { short: option.short, long: option.long ?? "", takesValue: option.required || option.optional };
}

/** The options and positionals of the program as prepareArgv needs them, read from Commander's own definitions. */
export function argvSpecOf(program: Command, programName: string): ArgvSpec {
  const help: OptionSpec = { short: "-h", long: "--help", takesValue: false };
  const commands = new Map<string, CommandSpec>();
  for (const verb of program.commands) {
    const [resource] = verb.commands;
    if (resource === undefined) continue;
    commands.set(verb.name(), {
      options: [help, ...resource.options.map(optionSpecOf)],
      positionals: resource.registeredArguments.map((a) => a.name()),
    });
  }
  const secret = program.commands[0]?.commands[0];
  return {
    programName,
    global: [help, ...program.options.map(optionSpecOf)],
    commands,
    resources: secret === undefined ? [] : [secret.name(), ...secret.aliases()],
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}

/** Runs the program on `argv` (without node and script) and returns the exit code. */
export async function run(argv: readonly string[], deps: CliDependencies): Promise<number> {
  const program = buildProgram(deps);
  const prepared = prepareArgv(argv, argvSpecOf(program, deps.programName));
  if (!prepared.ok) {
    deps.io.stderr(`error: ${prepared.message}\n`);
    return 1;
  }
  try {
    await program.parseAsync([...prepared.argv], { from: "user" });
    return 0;
  } catch (error) {
    // Commander has already printed its own message (as one line) or the help.
    if (error instanceof CommanderError) return error.exitCode;
    deps.io.stderr(`error: ${describeUnexpected(error)}\n`);
    return error instanceof CliError ? error.exitCode : 1;
  }
}
