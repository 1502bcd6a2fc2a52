// The README's quick start, followed literally: `npm start` with no kube context starts its own control plane (and a
// real node where the machine allows) and prints commands; running those commands creates a secret and a task pod
// that receives it by reference and, on the node, prints it from its env var and its file (`kubectl logs`); Ctrl-C
// stops everything and leaves no process or folder behind.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { load } from "js-yaml";
import { afterAll, describe, expect, it } from "vitest";
import { markOwner } from "../../scripts/local-folders.ts";
import { nodeUnsupportedReason } from "../controlplane/node.ts";
import { waitFor } from "../controlplane/wait.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const readme = readFileSync(`${root}/README.md`, "utf8");

function sh(
  command: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile("sh", ["-c", command], { env, cwd: root, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** The pid of a process that has exited (so the folders it "owned" are stale). */
function deadPid(): Promise<number> {
  return new Promise((resolve) => {
    const gone = spawn("true");
    gone.once("exit", () => resolve(gone.pid ?? 0));
  });
}

describe("quick start", () => {
  let child: ChildProcess | undefined;
  let output = "";
  const keep: string[] = [];

  afterAll(async () => {
    for (const dir of keep) await rm(dir, { recursive: true, force: true });
    try {
      if (child?.pid) process.kill(-child.pid, "SIGKILL");
    } catch {
      // The group is already gone.
    }
  });

  it("runs as the README says", { timeout: 240_000 }, async () => {
    // The README's commands, in order: `npm start`, then the printed block run in another terminal.
    expect(readme).toContain("npm start");
    // What a SIGKILLed earlier run left behind (owner gone: removed), a running one's (kept), and a folder with our
    // prefix that is not ours (no owner marker: kept).
    const stale = [
      await mkdtemp(join(tmpdir(), "flyte-secrets-controlplane-")),
      await mkdtemp(join(tmpdir(), "flyte-secrets-tls-")),
    ];
    const dead = await deadPid();
    for (const dir of stale) await markOwner(dir, dead);
    const running = await mkdtemp(join(tmpdir(), "flyte-secrets-controlplane-"));
    await markOwner(running, process.pid);
    const foreign = await mkdtemp(join(tmpdir(), "flyte-secrets-tls-"));
    keep.push(running, foreign, ...stale);
    child = spawn("npm", ["start"], {
      cwd: root,
      env: { ...process.env, KUBECONFIG: "/nonexistent/kubeconfig", LOG_LEVEL: "warn" },
      // Its own process group, so Ctrl-C can be sent to the whole group as a terminal does.
      detached: true,
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    await waitFor(() => (output.includes("Press Ctrl-C to stop.") ? true : undefined), {
      description: "npm start to print its commands",
      timeoutMs: 120_000,
      intervalMs: 200,
    });
    const block = output.slice(output.indexOf("In another terminal:")).split("\n").slice(1);
    const commands = block
      .map((line) => line.trim())
      .filter((line) => line !== "" && !line.startsWith("Press"));
    expect(commands[0]).toMatch(/^export KUBECONFIG=/);
    // The README documents the same commands.
    for (const command of commands.slice(2)) {
      expect(readme, `README shows: ${command}`).toContain(command.replace(root, ""));
    }
    // Where the machine allows a node, the demo task really runs and the quick start ends with its log.
    const withNode = commands.some((c) => c.startsWith("kubectl logs demo-task"));
    expect(withNode).toBe((await nodeUnsupportedReason()) === undefined);
    const script = commands.join("\n");
    const kubeconfigPath = /export KUBECONFIG=(\S+)/.exec(script)?.[1] ?? "";
    const env = { ...process.env, KUBECONFIG: kubeconfigPath };
    const run = await sh(`set -e\n${script}`, env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("MY_SECRET_KEY");
    if (withNode) {
      expect(run.stdout).toContain("from env: my_secret_value\nfrom file: my_secret_value\n");
    }
    // Only the task's own output shows the value; the pod spec holds a reference.
    expect(run.stdout.replace(/^from (env|file): my_secret_value$/gm, "")).not.toContain("my_secret_value");
    const spec = await sh(
      `${commands.slice(0, 2).join("\n")}\nkubectl get pod demo-task -n flytesnacks-development -o jsonpath='{.spec.containers[0].env}'`,
      env,
    );
    expect(spec.stdout).toContain(
      '"secretKeyRef":{"key":"MY_SECRET_KEY","name":"flyte-secrets.p.flytesnacks.d.development"}',
    );
    expect(spec.stdout).not.toContain("my_secret_value");

    // The stale folders are gone, the others kept, and npm start said what it removed.
    for (const dir of stale) {
      expect(existsSync(dir), dir).toBe(false);
      expect(output).toContain(`removed ${dir}, left behind by an npm start that was killed`);
    }
    expect(existsSync(running)).toBe(true);
    expect(existsSync(foreign)).toBe(true);

    // The printed PATH has helm too; in that shell, the CRD is exactly what crds/ holds, validation included.
    const exports = commands.slice(0, 2).join("\n");
    const crdFile = load(readFileSync(`${root}/crds/flytesecrets.secrets.flyte.org.yaml`, "utf8")) as {
      spec: { versions: Array<{ name: string; schema: unknown }> };
    };
    const installed = await sh(`${exports}\nkubectl get crd flytesecrets.secrets.flyte.org -o json`, env);
    expect(installed.code, installed.stderr).toBe(0);
    const served = JSON.parse(installed.stdout) as {
      spec: { versions: Array<{ name: string; schema: unknown }> };
    };
    expect(served.spec.versions.map((v) => [v.name, v.schema])).toEqual(
      crdFile.spec.versions.map((v) => [v.name, v.schema]),
    );
    const immutable = await sh(
      `${exports}\nkubectl -n flyte-secrets patch "$(kubectl -n flyte-secrets get fsec -o name | head -1)" --type merge -p '{"spec":{"project":"other"}}'`,
      env,
    );
    expect(immutable.code).not.toBe(0);
    expect(immutable.stderr).toContain("immutable");

    // The local installation's ValidatingAdmissionPolicy: the admin kubeconfig printed above cannot touch the managed
    // Secret the operator wrote (with its own ServiceAccount's token).
    const tamper = await sh(
      `${exports}\nkubectl -n flytesnacks-development delete secret flyte-secrets.p.flytesnacks.d.development`,
      env,
    );
    expect(tamper.code).not.toBe(0);
    expect(tamper.stderr).toContain("ValidatingAdmissionPolicy 'flyte-secrets-local-managed-secrets'");
    expect(tamper.stderr).toContain("may not delete it");

    // One /metrics for the one process: the webhook's admissions beside the controller's reconciles.
    const metricsUrl = /metrics and probes: (http:\/\/127\.0\.0\.1:\d+\/metrics)/.exec(output)?.[1] ?? "";
    const metrics = await (await fetch(metricsUrl)).text();
    expect(metrics).toMatch(/^flyte_secrets_admissions_total\{result="allowed"\} [1-9]/m);
    expect(metrics).toContain("flyte_secrets_reconciles_total");

    // The README's helm install works against this control plane: its names do not collide with npm start's. A
    // server-side dry run: helm checks every object against the cluster (an existing one of another owner fails it)
    // without creating pods that a local node would try to pull from registry.example.com.
    const lines = readme.split("\n");
    const first = lines.findIndex((line) => line.startsWith("helm install flyte-secrets "));
    let last = first;
    while (lines[last]?.endsWith("\\")) last++;
    const helmInstall = lines.slice(first, last + 1).join("\n");
    expect(helmInstall).toContain("--namespace flyte-secrets");
    const helmHome = await mkdtemp(join(tmpdir(), "quickstart-helm-"));
    keep.push(helmHome);
    const helmEnv = {
      ...env,
      HELM_CONFIG_HOME: helmHome,
      HELM_CACHE_HOME: helmHome,
      HELM_DATA_HOME: helmHome,
    };
    const helmed = await sh(`${exports}\n${helmInstall} --dry-run=server`, helmEnv);
    expect(helmed.code, helmed.stderr).toBe(0);
    expect(helmed.stdout).toContain("kind: ValidatingAdmissionPolicy");
    // The operator's own log lines (JSON) never carry the value; the printed instructions do, as Flyte's docs do.
    const logLines = output.split("\n").filter((line) => line.startsWith("{"));
    expect(logLines.join("\n")).not.toContain("my_secret_value");

    const folder = kubeconfigPath.replace(/\/kubeconfig$/, "");
    expect(existsSync(folder)).toBe(true);
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child?.once("exit", (code, signal) => resolve({ code, signal })),
    );
    // Ctrl-C in a terminal sends SIGINT to the whole foreground process group (npm, sh and the script).
    process.kill(-(child.pid ?? 0), "SIGINT");
    const end = await exited;
    // npm itself dies of the SIGINT; the script under it shuts down cleanly, which is what leaves nothing behind.
    expect(end.code === 0 || end.signal === "SIGINT", JSON.stringify(end)).toBe(true);
    await waitFor(() => (existsSync(folder) ? undefined : true), {
      description: "the local control plane folder to go",
    });
    const leftovers = await sh(`ps -eo args | grep -F -- '${folder}' | grep -v grep || true`, process.env);
    expect(leftovers.stdout.trim()).toBe("");
  });
});
