// The env planner: one `valueFrom.secretKeyRef` env var per env assignment. The value never enters the pod spec.
import type { Planner } from "./planner.ts";

export const envPlanner: Planner<"env"> = {
  mechanism: "env",
  plan: (assignments) => ({
    env: assignments.map(({ name, secret, key }) => ({
      name,
      valueFrom: { secretKeyRef: { name: secret, key } },
    })),
  }),
};
