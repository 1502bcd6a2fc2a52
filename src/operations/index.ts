// The secret operations (DESIGN §7, §7.1): one implementation of create, update, get, list and delete of a secret
// (key + scope), used by the flyte CLI (src/cli/) and the Flyte API (src/api/). Nothing here prints; every answer a
// caller acts on is a typed outcome (a discriminated union on `kind`); only unexpected API failures are thrown.
//
// API (all in src/operations/secrets.ts unless noted; `store` is a SecretStore, src/operations/store.ts, made over
// client-node by `kubeSecretStore(kc, namespace)` in src/kube/secret-store.ts):
//
//   createSecret(store, {key, scope, type?: "Generic"|"ImagePull", value}) -> CreateOutcome
//     created{secret} | alreadyExists{scope} | invalid{problem} | sourceNotOwned{secret, leftover?} | busy{secret, leftover?}
//   updateSecret(store, {key, scope, type?, value}) -> UpdateOutcome
//     updated{secret} | notFound{elsewhere} | typeMismatch{type} | sourceMissing{secret} | invalid{problem}
//     | sourceNotOwned{secret} | busy{secret}
//   getSecret(store, key, scope) -> GetOutcome: found{secret} | notFound{elsewhere} | invalid{problem}
//   listSecrets(store, {key?, project?, domain?}, page?: {limit, continueToken?}) -> ListOutcome
//     listed{secrets, continueToken?} | invalid{problem}   (each given filter part must match exactly)
//   deleteSecret(store, key, scope) -> DeleteOutcome: deleted{names, leftToGarbageCollector} | notFound{elsewhere} | invalid{problem}
//   effectiveSecrets(store, project, domain) -> EffectiveSecret[]   (src/operations/effective.ts: what a task of
//     project/domain receives, per key, by the one resolution function of domain/catalog.ts)
//
// `value` is a string (UTF-8), bytes, or `() => Promise<Uint8Array>` read only after every check needing no value
// passed. A `secret` is a SecretInfo: FlyteSecret name, key, scope, type, createdAt (RFC 3339), status (SecretStatus
// of domain/conditions.ts: ready | notReady{status, reason, message} | pending | deleting) and the object itself; never
// a value. `elsewhere` lists the scopes where the key exists instead. `problem` is a RequestProblem: key{reason} |
// scope{dimension, value, reason} | imagePullScoped | value{problem: ValueProblem of domain/secret-value.ts}.
//
// Thrown: StoreError (store.ts; `call`, HTTP `status`, `cause`) for API failures nobody expects, and
// IncompleteCreateError when a create failed after writing its FlyteSecret and removing it failed too (`leftover`).

export * from "./effective.ts";
export * from "./resources.ts";
export * from "./secrets.ts";
export * from "./store.ts";
