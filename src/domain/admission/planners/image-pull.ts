// The image pull planner: each ImagePull key's own managed Secret, once, in `spec.imagePullSecrets`.
import type { Planner } from "./planner.ts";

export const imagePullPlanner: Planner<"imagePull"> = {
  mechanism: "imagePull",
  plan: (assignments) => ({ pullSecrets: [...new Set(assignments.map(({ secret }) => secret))] }),
};
