// The harness runs the real helm, built at the pinned version, against the shared control plane.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { HELM_VERSION } from "../controlplane/binaries.ts";
import { helm } from "./support/cluster.ts";

const trivialChart = fileURLToPath(new URL("../fixtures/charts/trivial", import.meta.url));

describe("helm", () => {
  it("reports the pinned version", async () => {
    const result = await helm("version", "--template", "{{ .Version }}");
    expect(result).toMatchObject({ code: 0, stdout: HELM_VERSION });
  });

  it("renders a chart with helm template", async () => {
    const result = await helm("template", "demo", trivialChart, "--set", "greeting=hi there");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("name: demo-greeting");
    expect(result.stdout).toContain('greeting: "hi there"');
  });
});
