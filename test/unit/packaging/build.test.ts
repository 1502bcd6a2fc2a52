// What the image runs, checked without Docker: `npm run build`'s compiler output laid out as in the image
// (/app/package.json, /app/dist, /app/node_modules), started with the image's entrypoint command, and importing
// nothing that `npm ci --omit=dev` would leave out.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, cp, mkdtemp, readdir, readFile, rm, symlink } from "node:fs/promises";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const node = join(root, "node_modules", ".bin", "node");
const pkg = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function run(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done, reject) => {
    execFile(
      node,
      args,
      { cwd: root, env: { ...process.env, ...env }, timeout: 30_000 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") reject(error);
        else done({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** The package a bare specifier names (`@scope/name/sub` -> `@scope/name`). */
const packageOf = (specifier: string) =>
  specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : (specifier.split("/")[0] ?? "");

describe("the compiled program, laid out as in the image", () => {
  let app = "";
  let main = "";

  beforeAll(async () => {
    app = join(await mkdtemp(join(tmpdir(), "flyte-secrets-image-")), "app");
    // `npm run build` is `tsc -p tsconfig.build.json` and a copy; only the output folder differs.
    const build = await run([
      join(root, "node_modules", "typescript", "bin", "tsc"),
      "-p",
      "tsconfig.build.json",
      "--outDir",
      join(app, "dist"),
    ]);
    expect(build.code, build.stdout + build.stderr).toBe(0);
    // ... then `cp -R src/api/gen dist/api/`: the compiled Flyte API code, committed as JavaScript.
    await cp(join(root, "src", "api", "gen"), join(app, "dist", "api", "gen"), { recursive: true });
    await copyFile(join(root, "package.json"), join(app, "package.json"));
    await symlink(join(root, "node_modules"), join(app, "node_modules"));
    main = join(app, "dist", "main.js");
  }, 60_000);

  afterAll(async () => {
    if (app !== "") await rm(dirname(app), { recursive: true, force: true });
  });

  it("starts with the image's entrypoint command and lists its subcommands", async () => {
    const help = await run([main, "--help"]);
    expect(help.code, help.stderr).toBe(0);
    for (const command of ["controller", "webhook", "operator"]) expect(help.stdout).toContain(command);
    const controller = await run([main, "controller", "--help"]);
    expect(controller.stdout).toContain("--leader-elect");
    expect(controller.stdout).toContain("--config");
    const webhook = await run([main, "webhook", "--help"]);
    for (const flag of ["--config", "--port", "--cert-dir", "--kubeconfig"])
      expect(webhook.stdout).toContain(flag);
  }, 30_000);

  it("reads its configuration file the way the chart mounts it, and says clearly when it cannot", async () => {
    const missing = await run([main, "webhook", "--config=/nonexistent/config.yaml"], {
      POD_NAMESPACE: "flyte-secrets",
    });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("/nonexistent/config.yaml");
  }, 30_000);

  it("imports only Node built-ins, production dependencies and its own compiled files", async () => {
    const production = new Set(Object.keys(pkg.dependencies));
    const builtins = new Set(builtinModules);
    const compiled = (await files(join(app, "dist"))).filter((f) => f.endsWith(".js"));
    expect(compiled.length).toBeGreaterThan(10);
    for (const file of compiled) {
      const text = await readFile(file, "utf8");
      const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)].map(
        (m) => m[1] ?? "",
      );
      for (const specifier of specifiers) {
        if (specifier.startsWith(".")) {
          // rewriteRelativeImportExtensions turned `.ts` into `.js`, and the file is there.
          expect(specifier, file).toMatch(/\.js$/);
          expect(existsSync(resolve(dirname(file), specifier)), `${file} imports ${specifier}`).toBe(true);
        } else if (!specifier.startsWith("node:") && !builtins.has(specifier)) {
          const name = packageOf(specifier);
          expect(production.has(name), `${file} imports ${specifier}, not a production dependency`).toBe(
            true,
          );
        }
      }
    }
    expect(pkg.devDependencies.node, "Node comes from the base image, not the `node` package").toBeDefined();
    expect(production.has("node")).toBe(false);
  }, 30_000);
});
