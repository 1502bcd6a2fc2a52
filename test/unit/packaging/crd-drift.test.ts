// The chart installs the FlyteSecret CRD from its own crds/ folder (Helm's convention); it must stay byte-for-byte the
// CRD in the repository's crds/, which the tests, the local mode and `kubectl apply -f crds/` use.
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repoCrds = fileURLToPath(new URL("../../../crds/", import.meta.url));
const chartCrds = fileURLToPath(new URL("../../../charts/flyte-secrets/crds/", import.meta.url));

describe("the chart's CRDs", () => {
  it("are exactly the repository's crds/ (copy crds/*.yaml into charts/flyte-secrets/crds/ after a change)", async () => {
    const names = (await readdir(repoCrds)).filter((f) => f.endsWith(".yaml")).sort();
    expect(names).toContain("flytesecrets.secrets.flyte.org.yaml");
    expect((await readdir(chartCrds)).sort()).toEqual(names);
    for (const name of names) {
      const [source, copy] = await Promise.all([
        readFile(repoCrds + name, "utf8"),
        readFile(chartCrds + name, "utf8"),
      ]);
      expect(copy, `charts/flyte-secrets/crds/${name} differs from crds/${name}`).toBe(source);
    }
  });
});
