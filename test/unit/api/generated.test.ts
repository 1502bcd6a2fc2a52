// src/api/gen/ is exactly what `node scripts/generate-api.ts` compiles from the pinned @flyteorg/flyteidl2, and it
// describes the services Flyte's CLI calls, under the names it calls them by.
import { describe, expect, it } from "vitest";
import { differences } from "../../../scripts/generate-api.ts";
import { ClusterService } from "../../../src/api/gen/flyteidl2/cluster/service_pb.js";
import { SecretService } from "../../../src/api/gen/flyteidl2/secret/secret_pb.js";

describe("the generated Flyte API code", () => {
  it("is up to date with the pinned @flyteorg/flyteidl2", () => {
    expect(differences()).toEqual([]);
  }, 60_000);

  it("describes SecretService and ClusterService.SelectCluster", () => {
    expect(SecretService.typeName).toBe("flyteidl2.secret.SecretService");
    expect(SecretService.methods.map((m) => m.name)).toEqual([
      "CreateSecret",
      "UpdateSecret",
      "GetSecret",
      "DeleteSecret",
      "ListSecrets",
    ]);
    expect(ClusterService.typeName).toBe("flyteidl2.cluster.ClusterService");
    expect(ClusterService.methods.map((m) => m.name)).toContain("SelectCluster");
  });
});
