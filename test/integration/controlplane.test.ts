// The shared control plane is a real Kubernetes API server: objects written with the Node client are read back by
// the real kubectl, versions are the pinned ones, ServiceAccount tokens can be minted, and the garbage collector runs.
import { CoreV1Api } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { KUBERNETES_VERSION } from "../controlplane/binaries.ts";
import { waitFor } from "../controlplane/wait.ts";
import { controlPlane, createNamespace, kubeConfig, kubectl, kubectlWithToken } from "./support/cluster.ts";

describe("control plane", () => {
  it("serves objects written with @kubernetes/client-node to the real kubectl", async () => {
    const namespace = await createNamespace("harness");
    const core = kubeConfig().makeApiClient(CoreV1Api);
    await core.createNamespacedSecret({
      namespace,
      body: { metadata: { name: "greeting" }, stringData: { message: "hello from the harness" } },
    });

    const namespaces = await kubectl("get", "namespace", namespace, "-o", "jsonpath={.metadata.name}");
    expect(namespaces).toMatchObject({ code: 0, stdout: namespace });
    const secret = await kubectl(
      "get",
      "secret",
      "greeting",
      "-n",
      namespace,
      "-o",
      "jsonpath={.data.message}",
    );
    expect(secret.code).toBe(0);
    expect(Buffer.from(secret.stdout, "base64").toString()).toBe("hello from the harness");
  });

  it("reports the pinned Kubernetes release to kubectl version", async () => {
    const result = await kubectl("version", "-o", "json");
    expect(result.code).toBe(0);
    const versions = JSON.parse(result.stdout) as {
      clientVersion: { gitVersion: string };
      serverVersion: { gitVersion: string };
    };
    expect(versions.serverVersion.gitVersion).toBe(KUBERNETES_VERSION);
    expect(versions.clientVersion.gitVersion).toBe(KUBERNETES_VERSION);
    expect(controlPlane().binaries.kubectl).not.toBe("");
  });

  it("mints ServiceAccount tokens that the API server accepts", async () => {
    const namespace = await createNamespace("tokens");
    const kc = kubeConfig();
    const core = kc.makeApiClient(CoreV1Api);
    await core.createNamespacedServiceAccount({ namespace, body: { metadata: { name: "robot" } } });
    const request = await core.createNamespacedServiceAccountToken({
      name: "robot",
      namespace,
      body: { spec: { audiences: [], expirationSeconds: 600 } },
    });
    const token = request.status?.token;
    expect(token).toBeTruthy();

    const whoami = await kubectlWithToken(
      token ?? "",
      "auth",
      "whoami",
      "-o",
      "jsonpath={.status.userInfo.username}",
    );
    expect(whoami).toMatchObject({ code: 0, stdout: `system:serviceaccount:${namespace}:robot` });
    // RBAC is enforced: the new account may not list Secrets.
    const denied = await kubectlWithToken(token ?? "", "get", "secrets", "-n", namespace);
    expect(denied.code).not.toBe(0);
    expect(denied.stderr).toContain("forbidden");
  });

  it("runs the garbage collector, so ownerReferences delete dependents", async () => {
    const namespace = await createNamespace("gc");
    const core = kubeConfig().makeApiClient(CoreV1Api);
    const owner = await core.createNamespacedConfigMap({ namespace, body: { metadata: { name: "owner" } } });
    await core.createNamespacedConfigMap({
      namespace,
      body: {
        metadata: {
          name: "dependent",
          ownerReferences: [
            { apiVersion: "v1", kind: "ConfigMap", name: "owner", uid: owner.metadata?.uid ?? "" },
          ],
        },
      },
    });
    await core.deleteNamespacedConfigMap({ name: "owner", namespace });
    await waitFor(
      async () => {
        const list = await core.listNamespacedConfigMap({ namespace });
        return list.items.some((cm) => cm.metadata?.name === "dependent") ? undefined : true;
      },
      { description: "the garbage collector to delete the dependent ConfigMap" },
    );
  });
});
