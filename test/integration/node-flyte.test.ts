// Task pods in Flyte propeller's form (DESIGN §5.2) that really run on the test node, read by Flyte's own readers:
// the `_FSEC_…` env var, the `/etc/flyte/secrets/…` file and the `FLYTE_SECRETS_*` variables as a container sees
// them; the real flytekit's `current_context().secrets.get(group=…, key=…)` finding both inside the task; and a
// Flyte 2 style task reading `os.environ[as_env_var]`.
import type { V1Container } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { labels } from "../../src/domain/api.ts";
import { encodeFlyteSecret } from "../../src/domain/flyte-encoding.ts";
import { scopeSecretName } from "../../src/domain/names.ts";
import { flyteArgs } from "./support/cli.ts";
import { uniqueName } from "./support/cluster.ts";
import { installCrd } from "./support/crd.ts";
import {
  createAllowedPod,
  flytekitEnvironment,
  flytekitMounts,
  keyValues,
  logs,
  nodePod,
  shContainer,
  testNode,
  waitForSucceeded,
} from "./support/node.ts";
import {
  createInstallation,
  type Installation,
  type RunningOperator,
  waitForSecret,
} from "./support/operator.ts";

const node = testNode();
const flytekit = flytekitEnvironment();

describe.skipIf(!node.available)("Flyte tasks on a real node (propeller's form)", () => {
  let install: Installation;
  let operator: RunningOperator;
  let ns: string;
  const project = uniqueName("flyteproj");
  const domain = "development";
  const values: Record<string, string> = {};

  // What propeller writes for `Secret(group="db", key="password", mount_requirement=ENV_VAR)`,
  // `Secret(group="certs", key="tls_cert", mount_requirement=FILE)`, and what Flyte 2's SDK sends for
  // `flyte.Secret(key="api_token", as_env_var="API_TOKEN")`.
  const flyte1Annotations = {
    "flyte.secrets/s0": encodeFlyteSecret({ group: "db", key: "password", mountRequirement: "ENV_VAR" }),
    "flyte.secrets/s1": encodeFlyteSecret({ group: "certs", key: "tls_cert", mountRequirement: "FILE" }),
  };
  const flyte1Labels = () => ({ [labels.flyteInject]: "true", project, domain });

  beforeAll(async () => {
    await installCrd();
    install = await createInstallation("nodeflyte");
    ns = await install.namespace("tasks", { [labels.project]: project, [labels.domain]: domain });
    operator = await install.startOperator();
    for (const key of ["password", "tls_cert", "api_token"]) {
      values[key] = `${key}-${uniqueName("v")}-s3cr3t`;
      const result = await flyteArgs(install.controlNamespace, [
        "create",
        "secret",
        key,
        values[key] ?? "",
        "--project",
        project,
      ]);
      expect(result.code, result.stderr).toBe(0);
      await waitForSecret(
        ns,
        scopeSecretName({ project }),
        (data) => data?.[key] === values[key],
        `${key} materialized`,
      );
    }
  });

  afterAll(async () => {
    await operator?.stop();
    const text = await install?.logs();
    for (const v of Object.values(values)) expect(text).not.toContain(v);
  });

  it("shows the task the _FSEC_ env var, the /etc/flyte/secrets file and the FLYTE_SECRETS_* variables", async () => {
    const script = [
      'echo "FSEC=$_FSEC_DB_PASSWORD"',
      'echo "FILE=$(cat /etc/flyte/secrets/certs/tls_cert)"',
      'echo "DEFAULT_DIR=$FLYTE_SECRETS_DEFAULT_DIR"',
      'echo "ENV_PREFIX=$FLYTE_SECRETS_ENV_PREFIX"',
      // Set, and empty.
      'env | grep "^FLYTE_SECRETS_FILE_PREFIX="',
      // A FILE secret is not in the environment.
      'echo "FILE_AS_ENV=$(env | grep -c ^_FSEC_CERTS)"',
    ].join("; ");
    const pod = nodePod(
      "propeller-form",
      { labels: flyte1Labels(), annotations: flyte1Annotations },
      { containers: [shContainer("task", script)] },
    );
    await createAllowedPod(ns, pod);
    await waitForSucceeded(ns, "propeller-form");
    expect(keyValues(await logs(ns, "propeller-form", "task"))).toEqual({
      FSEC: values.password,
      FILE: values.tls_cert,
      DEFAULT_DIR: "/etc/flyte/secrets",
      ENV_PREFIX: "_FSEC_",
      FLYTE_SECRETS_FILE_PREFIX: "",
      FILE_AS_ENV: "0",
    });
  });

  function pythonContainer(name: string, script: string): V1Container {
    const mounts = flytekitMounts();
    return shContainer(name, "", {
      command: [mounts.python, "-c", script],
      env: [
        { name: "HOME", value: "/tmp" },
        { name: "PYTHONDONTWRITEBYTECODE", value: "1" },
      ],
      volumeMounts: mounts.volumeMounts,
    });
  }

  it.skipIf(!flytekit.available)(
    "the real flytekit reads them inside the task with current_context().secrets.get(group=…, key=…)",
    { timeout: 120_000 },
    async () => {
      const script = [
        "import os, flytekit",
        "secrets = flytekit.current_context().secrets",
        'print("VERSION=" + flytekit.__version__)',
        'print("ENV=" + secrets.get(group="db", key="password"))',
        'print("ENV_NAME=" + secrets.get_secrets_env_var(group="db", key="password"))',
        'print("FILE=" + secrets.get(group="certs", key="tls_cert"))',
        'print("FILE_PATH=" + secrets.get_secrets_file(group="certs", key="tls_cert"))',
        'print("FILE_EXISTS=" + str(os.path.exists(secrets.get_secrets_file(group="certs", key="tls_cert"))))',
      ].join("\n");
      const pod = nodePod(
        "flytekit-task",
        { labels: flyte1Labels(), annotations: flyte1Annotations },
        { containers: [pythonContainer("task", script)], volumes: flytekitMounts().volumes },
      );
      await createAllowedPod(ns, pod);
      await waitForSucceeded(ns, "flytekit-task", 90_000);
      const seen = keyValues(await logs(ns, "flytekit-task", "task"));
      expect(seen).toMatchObject({
        ENV: values.password,
        ENV_NAME: "_FSEC_DB_PASSWORD",
        FILE: values.tls_cert,
        FILE_PATH: "/etc/flyte/secrets/certs/tls_cert",
        FILE_EXISTS: "True",
      });
      expect(seen.VERSION).toMatch(/^1\./);
    },
  );

  it.skipIf(!flytekit.available)(
    "a Flyte 2 style task reads os.environ[as_env_var]",
    { timeout: 120_000 },
    async () => {
      const pod = nodePod(
        "flyte2-task",
        {
          labels: {
            [labels.flyteInject]: "true",
            "flyte.org/managed": "true",
            organization: "testorg",
            project,
            domain,
          },
          annotations: {
            "flyte.secrets/s0": encodeFlyteSecret({
              key: "api_token",
              mountRequirement: "ENV_VAR",
              envVar: "API_TOKEN",
            }),
          },
        },
        {
          containers: [pythonContainer("task", 'import os\nprint("ENV=" + os.environ["API_TOKEN"])')],
          volumes: flytekitMounts().volumes,
        },
      );
      await createAllowedPod(ns, pod);
      await waitForSucceeded(ns, "flyte2-task", 90_000);
      expect(keyValues(await logs(ns, "flyte2-task", "task")).ENV).toBe(values.api_token);
    },
  );
});
