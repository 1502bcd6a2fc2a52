// The informer survives the Node client's known failure mode: a watch whose connection stays open but goes silent.
// A TCP proxy in front of the real API server freezes every open connection (no data, no close); the informer's
// watchdog must notice, open a new watch, and pick up the change it would otherwise never see. Both transports: the
// controller's (client-node's KubeConfig, undici) and the webhook's (node:https).

import type { AddressInfo } from "node:net";
import { createConnection, createServer, type Server, type Socket } from "node:net";
import { CoreV1Api, type V1Namespace } from "@kubernetes/client-node";
import { afterEach, describe, expect, it } from "vitest";
import { httpsConnection } from "../../src/kube/https-connection.ts";
import { Informer } from "../../src/kube/informer.ts";
import { jsonNamespaceSource } from "../../src/kube/json-sources.ts";
import { loadLightConfig, targetOf } from "../../src/kube/light-config.ts";
import { namespaceSource } from "../../src/kube/sources.ts";
import { createLogger } from "../../src/observability/logger.ts";
import { waitFor } from "../controlplane/wait.ts";
import { controlPlane, kubeConfig, uniqueName } from "./support/cluster.ts";

class FreezingProxy {
  readonly server: Server;
  private readonly pairs: Array<{ client: Socket; upstream: Socket }> = [];

  constructor(target: { host: string; port: number }) {
    this.server = createServer((client) => {
      const upstream = createConnection(target);
      client.pipe(upstream);
      upstream.pipe(client);
      const close = (): void => {
        client.destroy();
        upstream.destroy();
      };
      client.on("error", close);
      upstream.on("error", close);
      this.pairs.push({ client, upstream });
    });
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return (this.server.address() as AddressInfo).port;
  }

  /** Connections opened since the last freeze. */
  get openConnections(): number {
    return this.pairs.length;
  }

  /** Every open connection stops carrying data in both directions, without being closed. */
  freezeOpenConnections(): number {
    for (const { client, upstream } of this.pairs) {
      client.unpipe(upstream);
      upstream.unpipe(client);
      upstream.pause();
      client.pause();
    }
    const frozen = this.pairs.length;
    this.pairs.length = 0;
    return frozen;
  }

  close(): void {
    this.server.close();
  }
}

const log = () => createLogger(process.env.INFORMER_LOG ?? "silent");
const options = { watchdogSeconds: 2, relistSeconds: 3600, watchTimeoutSeconds: 3600 };

/** An informer of Namespaces whose every request goes through `server` (the proxy), in each of the two transports. */
const informers: Array<{ transport: string; make: (server: string) => Informer<V1Namespace> }> = [
  {
    transport: "client-node's KubeConfig (controller)",
    make: (server) => {
      const kc = kubeConfig();
      const cluster = kc.getCurrentCluster();
      if (!cluster) throw new Error("no cluster");
      kc.clusters = [{ ...cluster, server }];
      return new Informer(namespaceSource(kc), log(), options);
    },
  },
  {
    transport: "node:https with the light kubeconfig loader (webhook)",
    make: (server) => {
      const loaded = loadLightConfig({ kubeconfig: controlPlane().kubeconfigPath });
      if (!loaded.supported) throw new Error(loaded.needs);
      const config = { ...loaded.config, server };
      return new Informer(
        jsonNamespaceSource(httpsConnection("test", () => targetOf(config))),
        log(),
        options,
      );
    },
  },
];

describe("informer", () => {
  let proxy: FreezingProxy | undefined;
  let informer: Informer<V1Namespace> | undefined;

  afterEach(() => {
    informer?.stop();
    proxy?.close();
  });

  it.each(informers)(
    "restarts a watch that went silent and sees what happened meanwhile, over $transport",
    async ({ make }) => {
      const server = new URL(controlPlane().server);
      proxy = new FreezingProxy({ host: server.hostname, port: Number(server.port) });
      const port = await proxy.listen();
      informer = make(`https://127.0.0.1:${port}`);
      informer.start();
      await informer.waitForSync(30_000);
      // The list's connection and the watch's own: freezing before the watch has connected would freeze none of it.
      await waitFor(() => ((proxy?.openConnections ?? 0) >= 2 ? true : undefined), {
        description: "the informer's watch to connect through the proxy",
        timeoutMs: 10_000,
      });
      const restartsBefore = informer.restarts;
      expect(proxy.freezeOpenConnections()).toBeGreaterThan(0);

      const name = uniqueName("after-freeze");
      await kubeConfig()
        .makeApiClient(CoreV1Api)
        .createNamespace({ body: { metadata: { name } } });
      await waitFor(() => (informer?.get(undefined, name) ? true : undefined), {
        description: "the informer to see a namespace created while its watch was frozen",
        timeoutMs: 20_000,
      });
      expect(informer.restarts).toBeGreaterThan(restartsBefore);
    },
  );
});
