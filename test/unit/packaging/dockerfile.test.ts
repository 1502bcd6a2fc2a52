// Docker cannot run here, so the Dockerfile is read as data and held to what the image must be: a pinned Node 24
// base matching the project's toolchain, a build stage that compiles with `npm ci` + `npm run build`, production
// dependencies only in the final image, a non-root user, the program as entrypoint, and nothing copied that the
// repository (or .dockerignore) does not provide.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));

interface Instruction {
  readonly keyword: string;
  readonly args: string;
}

interface Stage {
  readonly image: string;
  readonly name: string | undefined;
  readonly instructions: Instruction[];
}

/** Instructions with line continuations joined and comments dropped (enough for a plain Dockerfile). */
function parseDockerfile(text: string): { args: Map<string, string>; stages: Stage[] } {
  const logical: string[] = [];
  let pending = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (pending === "" && (line === "" || line.startsWith("#"))) continue;
    if (line.endsWith("\\")) {
      pending += `${line.slice(0, -1).trim()} `;
      continue;
    }
    logical.push(pending + line);
    pending = "";
  }
  const args = new Map<string, string>();
  const stages: Stage[] = [];
  for (const line of logical) {
    const match = /^(\S+)\s+(.*)$/.exec(line);
    if (match === null) throw new Error(`cannot parse Dockerfile line: ${line}`);
    const keyword = (match[1] ?? "").toUpperCase();
    const rest = match[2] ?? "";
    if (keyword === "FROM") {
      const [image = "", as, name] = rest.split(/\s+/);
      const resolved = image.replace(
        /\$\{(\w+)\}|\$(\w+)/g,
        (_, a: string | undefined, b: string | undefined) => {
          const value = args.get(a ?? b ?? "");
          if (value === undefined) throw new Error(`FROM uses ${a ?? b}, which no ARG before it sets`);
          return value;
        },
      );
      stages.push({ image: resolved, name: as?.toUpperCase() === "AS" ? name : undefined, instructions: [] });
    } else if (stages.length === 0) {
      if (keyword !== "ARG") throw new Error(`only ARG may come before the first FROM, not ${keyword}`);
      const [name = "", value = ""] = rest.split("=", 2);
      args.set(name, value);
    } else {
      stages.at(-1)?.instructions.push({ keyword, args: rest });
    }
  }
  return { args, stages };
}

/** True when .dockerignore leaves `path` in the build context (last matching rule wins, as Docker does). */
function inContext(dockerignore: string, path: string): boolean {
  const rules = dockerignore
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"))
    .map((l) => {
      const include = l.startsWith("!");
      const pattern = (include ? l.slice(1) : l).replace(/^\/+|\/+$/g, "");
      const regex = new RegExp(
        `^${pattern
          .split("**")
          .map((part) =>
            part
              .replace(/[.+^${}()|[\]\\]/g, "\\$&")
              .replace(/\*/g, "[^/]*")
              .replace(/\?/g, "[^/]"),
          )
          .join(".*")}$`,
      );
      return { include, regex };
    });
  const segments = path.replace(/^\.\/|\/+$/g, "").split("/");
  // A path is excluded when it or any folder above it is.
  const prefixes = segments.map((_, i) => segments.slice(0, i + 1).join("/"));
  let included = true;
  for (const rule of rules) if (prefixes.some((p) => rule.regex.test(p))) included = rule.include;
  return included;
}

const dockerfile = parseDockerfile(readFileSync(join(root, "Dockerfile"), "utf8"));
const dockerignore = readFileSync(join(root, ".dockerignore"), "utf8");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  devDependencies: Record<string, string>;
};
const final = dockerfile.stages.at(-1) as Stage;
const stageNamed = (name: string) => dockerfile.stages.find((s) => s.name === name);
const runs = (stage: Stage | undefined) =>
  (stage?.instructions ?? []).filter((i) => i.keyword === "RUN").map((i) => i.args);
const copies = (stage: Stage) =>
  stage.instructions
    .filter((i) => i.keyword === "COPY")
    .map((i) => {
      const words = i.args.split(/\s+/);
      const from = words.find((w) => w.startsWith("--from="))?.slice("--from=".length);
      const paths = words.filter((w) => !w.startsWith("--"));
      return { from, sources: paths.slice(0, -1), destination: paths.at(-1) ?? "" };
    });

describe("Dockerfile", () => {
  it("builds every stage from one pinned node:24.x.y-bookworm-slim, the Node the project pins", () => {
    expect(dockerfile.stages.length).toBeGreaterThanOrEqual(2);
    const pinned = pkg.devDependencies.node;
    expect(pinned).toMatch(/^24\.\d+\.\d+$/);
    for (const stage of dockerfile.stages) {
      expect(stage.image).toMatch(/^node:24\.\d+\.\d+-bookworm-slim(@sha256:[0-9a-f]{64})?$/);
      expect(stage.image.startsWith(`node:${pinned}-bookworm-slim`)).toBe(true);
    }
  });

  it("compiles with npm ci and npm run build in a build stage", () => {
    const build = dockerfile.stages.find((s) => runs(s).some((r) => r.includes("npm run build")));
    expect(build).toBeDefined();
    expect(build).not.toBe(final);
    expect(runs(build).some((r) => /^npm ci(\s|$)/.test(r) && !r.includes("--omit=dev"))).toBe(true);
  });

  it("ships production dependencies only, installed without devDependencies", () => {
    const modules = copies(final).filter((c) => c.sources.some((s) => s.endsWith("node_modules")));
    expect(modules).toHaveLength(1);
    const from = stageNamed(modules[0]?.from ?? "");
    expect(runs(from).some((r) => /npm ci\b.*--omit=dev/.test(r))).toBe(true);
    expect(runs(from).some((r) => r.includes("npm run build"))).toBe(false);
    expect(runs(final).some((r) => r.includes("npm ci") || r.includes("npm install"))).toBe(false);
  });

  it("copies the compiled program, package.json (ESM) and crds/ into /app", () => {
    const workdir = final.instructions.filter((i) => i.keyword === "WORKDIR").at(-1)?.args;
    expect(workdir).toBe("/app");
    const destinations = copies(final).map((c) => c.destination.replace(/^\.\//, "/app/").replace(/\/$/, ""));
    expect(destinations).toEqual(expect.arrayContaining(["/app/dist", "/app/crds", "/app/node_modules"]));
    expect(copies(final).some((c) => c.from === undefined && c.sources.includes("package.json"))).toBe(true);
    const dist = copies(final).find((c) => c.destination.replace(/\/$/, "").endsWith("dist"));
    expect(dist?.from).toBe(
      dockerfile.stages.find((s) => runs(s).some((r) => r.includes("npm run build")))?.name,
    );
  });

  it("runs as the non-root user 65532 with the program as entrypoint", () => {
    const user = final.instructions.filter((i) => i.keyword === "USER").at(-1)?.args;
    expect(user).toMatch(/^65532(:65532)?$/);
    const entrypoint = final.instructions.filter((i) => i.keyword === "ENTRYPOINT").at(-1)?.args ?? "";
    expect(JSON.parse(entrypoint)).toEqual(["node", "/app/dist/main.js"]);
  });

  it("copies only paths that exist in the repository and that .dockerignore keeps in the build context", () => {
    const local = dockerfile.stages.flatMap((s) => copies(s).filter((c) => c.from === undefined));
    expect(local.length).toBeGreaterThan(0);
    for (const source of local.flatMap((c) => c.sources)) {
      expect(existsSync(join(root, source)), `${source} exists`).toBe(true);
      expect(inContext(dockerignore, source), `${source} is in the build context`).toBe(true);
    }
    // And the context leaves out what must never be sent to the daemon.
    for (const excluded of ["node_modules", "dist", ".git", "test", "charts"]) {
      expect(inContext(dockerignore, excluded), excluded).toBe(false);
    }
  });
});
