// The chart's version facts agree with the package's, so an image built from this tree matches the chart's default tag.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";

const root = new URL("../../../", import.meta.url);
const read = async (path: string) => readFile(fileURLToPath(new URL(path, root)), "utf8");

describe("Chart.yaml", () => {
  it("is a v2 application chart whose appVersion is the package version", async () => {
    const chart = load(await read("charts/flyte-secrets/Chart.yaml")) as Record<string, unknown>;
    const pkg = JSON.parse(await read("package.json")) as { version: string };
    expect(chart).toMatchObject({
      apiVersion: "v2",
      name: "flyte-secrets",
      type: "application",
      version: "0.1.0",
    });
    expect(chart.appVersion).toBe(pkg.version);
  });

  it("has a values.schema.json that is valid JSON and closed to unknown top-level keys", async () => {
    const schema = JSON.parse(await read("charts/flyte-secrets/values.schema.json")) as {
      additionalProperties: boolean;
      properties: Record<string, unknown>;
    };
    const values = load(await read("charts/flyte-secrets/values.yaml")) as Record<string, unknown>;
    expect(schema.additionalProperties).toBe(false);
    // Every top-level value is described by the schema (helm lint proves the defaults validate).
    for (const key of Object.keys(values)) expect(Object.keys(schema.properties)).toContain(key);
  });
});
