// The command line, made safe before Commander reads it. Commander would take `-dash` after a NAME as `-d ash` (a
// value silently becoming a domain, and then printed), name an unknown option that may be a value, and let a global
// option steal the value of another (`--value -nx`). Here every option value is attached to its option
// (`--project=x`), Flyte's two-letter `-of` becomes `--output-format`, and a token that may be a secret value is
// refused without being repeated. Pure: a table of options in, the rewritten argv or one message out.

export interface OptionSpec {
  /** `-p`; undefined for long-only options. */
  readonly short?: string | undefined;
  /** `--project` */
  readonly long: string;
  readonly takesValue: boolean;
}

export interface CommandSpec {
  readonly options: readonly OptionSpec[];
  /** The positionals after `VERB secret`, as help names them: `NAME`, `VALUE`. */
  readonly positionals: readonly string[];
}

export interface ArgvSpec {
  /** `flyte` or `kubectl flyte`. */
  readonly programName: string;
  /** Options of the program itself: Commander reads them anywhere on the line. */
  readonly global: readonly OptionSpec[];
  /** `VERB secret` commands by verb. */
  readonly commands: ReadonlyMap<string, CommandSpec>;
  /** The resource word and its aliases: `secret`, `secrets`. */
  readonly resources: readonly string[];
}

export type PreparedArgv =
  | { readonly ok: true; readonly argv: readonly string[] }
  | { readonly ok: false; readonly message: string };

/** Spellings Commander cannot declare (a short option has one letter), as Flyte 2's CLI has them. */
const ALIASES: Readonly<Record<string, string>> = { "-of": "--output-format" };

const keyLike = /^-[-._a-zA-Z0-9]+$/;

function aliased(token: string): string {
  const eq = token.indexOf("=");
  const name = eq === -1 ? token : token.slice(0, eq);
  const long = ALIASES[name];
  return long === undefined ? token : `${long}${token.slice(name.length)}`;
}

/** Optimal string alignment distance, as Commander's own suggestions use. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 0; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = d[i] as number[];
    for (let j = 1; j <= b.length; j++) {
      const above = d[i - 1] as number[];
      row[j] = Math.min(
        (above[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (above[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] ?? 0, ((d[i - 2] as number[])[j - 2] ?? 0) + 1);
      }
    }
  }
  return (d[a.length] as number[])[b.length] ?? 0;
}

/** The known long option closest to `token`, if one is close (at most 2 edits and mostly the same). */
export function similarOption(token: string, options: readonly OptionSpec[]): string | undefined {
  const word = token.split("=")[0]?.replace(/^-+/, "") ?? "";
  let best: { readonly long: string; readonly d: number } | undefined;
  for (const { long } of options) {
    const candidate = long.slice(2);
    const d = distance(word, candidate);
    const similarity =
      (Math.max(word.length, candidate.length) - d) / Math.max(word.length, candidate.length);
    if (d <= 2 && similarity > 0.4 && (best === undefined || d < best.d)) best = { long, d };
  }
  return best?.long;
}

export function prepareArgv(argv: readonly string[], spec: ArgvSpec): PreparedArgv {
  const out: string[] = [];
  const operands: string[] = [];
  const everyOption = [...spec.global, ...[...spec.commands.values()].flatMap((c) => c.options)];
  const valueOptionGiven = argv
    .slice(0, argv.includes("--") ? argv.indexOf("--") : argv.length)
    .some((t) => /^--(value|from-file)(=|$)/.test(t));

  for (let i = 0; i < argv.length; ) {
    const original = argv[i++] ?? "";
    if (original === "--") {
      out.push(original, ...argv.slice(i));
      break;
    }
    const token = aliased(original);
    if (!token.startsWith("-") || token === "-") {
      out.push(token);
      operands.push(token);
      continue;
    }

    const [verb, resource] = operands;
    const command =
      verb !== undefined && resource !== undefined && spec.resources.includes(resource)
        ? spec.commands.get(verb)
        : undefined;
    // Before `VERB secret` any command's option may come (Commander passes it on); after it, only that command's.
    const known = operands.length < 2 ? everyOption : [...spec.global, ...(command?.options ?? [])];
    const usage = command === undefined ? spec.programName : `${spec.programName} ${verb} secret`;
    // After NAME, a create/update token may be the secret's value (or part of one): never repeat it.
    const mayBeValue = command?.positionals.includes("VALUE") === true && operands.length >= 3;
    const valueGiven = operands.length >= 4;

    const long = token.startsWith("--") ? token.split("=")[0] : undefined;
    const option = known.find((o) => (long === undefined ? o.short === token.slice(0, 2) : o.long === long));

    if (option === undefined) {
      const suggestion = similarOption(token, known);
      const didYouMean = suggestion === undefined ? "" : `; did you mean ${suggestion}?`;
      if (mayBeValue)
        return { ok: false, message: hiddenUnknown(usage, valueGiven, valueOptionGiven) + didYouMean };
      const shown = long ?? token;
      const nameHint =
        command !== undefined &&
        operands.length === 2 &&
        command.positionals.includes("NAME") &&
        keyLike.test(token)
          ? `; a NAME that starts with '-' goes after --, as in: ${usage} -- NAME`
          : "";
      return {
        ok: false,
        message: `unknown option ${JSON.stringify(shown.slice(0, 40))} (see ${usage} --help)${didYouMean}${nameHint}`,
      };
    }

    if (long !== undefined || token.length === 2) {
      // `--project x` and `-p x` become `--project=x`: the next token is this option's, whatever it looks like.
      const hasValue = long !== undefined && token.includes("=");
      if (option.takesValue && !hasValue && i < argv.length) out.push(`${option.long}=${argv[i++] ?? ""}`);
      else out.push(token);
      continue;
    }

    // Text attached to a short option: `-ddevelopment`, or a value such as `-dash`.
    if (mayBeValue) {
      const message = option.takesValue
        ? hiddenAttached(option, usage, valueGiven, valueOptionGiven)
        : hiddenUnknown(usage, valueGiven, valueOptionGiven);
      return { ok: false, message };
    }
    out.push(option.takesValue ? `${option.long}=${token.slice(2)}` : token);
  }
  return { ok: true, argv: out };
}

function hiddenUnknown(usage: string, valueGiven: boolean, valueOptionGiven: boolean): string {
  if (valueGiven || valueOptionGiven) {
    return (
      "unknown option (not repeated: it may be part of a value); quote a value that contains spaces, " +
      `and see ${usage} --help for the options`
    );
  }
  return (
    "unknown option, or a VALUE that starts with '-' (not repeated: it may be a value): a VALUE that starts " +
    `with '-' goes after --, as in: ${usage} NAME -- VALUE (or --value=VALUE); see ${usage} --help for the options`
  );
}

function hiddenAttached(
  option: OptionSpec,
  usage: string,
  valueGiven: boolean,
  valueOptionGiven: boolean,
): string {
  const flag = option.short ?? option.long;
  const what = option.long.slice(2).toUpperCase();
  const fix = `write ${flag} ${what} with a space`;
  if (valueGiven || valueOptionGiven) {
    return (
      `${flag} with text attached after NAME is ambiguous (not repeated: it may be part of a value): ${fix}, ` +
      "and quote a value that contains spaces"
    );
  }
  return (
    `${flag} with text attached after NAME is ambiguous (not repeated: it may be a VALUE that starts with '-'): ` +
    `${fix}; a VALUE that starts with '-' goes after --, as in: ${usage} NAME -- VALUE (or --value=VALUE)`
  );
}
