import type { GenFile, GenMessage } from "@bufbuild/protobuf/codegenv1";
import type { Secret, SecretIdentifier, SecretSpec } from "./definition_pb.ts";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file flyteidl2/secret/payload.proto.
 */
export declare const file_flyteidl2_secret_payload: GenFile;
/**
 * CreateSecretProxyRequest contains the spec and identifier used for secret creation
 *
 * @generated from message flyteidl2.secret.CreateSecretRequest
 */
export type CreateSecretRequest = Message<"flyteidl2.secret.CreateSecretRequest"> & {
    /**
     * @generated from field: flyteidl2.secret.SecretIdentifier id = 1;
     */
    id?: SecretIdentifier;
    /**
     * @generated from field: flyteidl2.secret.SecretSpec secret_spec = 2;
     */
    secretSpec?: SecretSpec;
};
/**
 * Describes the message flyteidl2.secret.CreateSecretRequest.
 * Use `create(CreateSecretRequestSchema)` to create a new message.
 */
export declare const CreateSecretRequestSchema: GenMessage<CreateSecretRequest>;
/**
 * CreateSecretResponse
 *
 * @generated from message flyteidl2.secret.CreateSecretResponse
 */
export type CreateSecretResponse = Message<"flyteidl2.secret.CreateSecretResponse"> & {};
/**
 * Describes the message flyteidl2.secret.CreateSecretResponse.
 * Use `create(CreateSecretResponseSchema)` to create a new message.
 */
export declare const CreateSecretResponseSchema: GenMessage<CreateSecretResponse>;
/**
 * UpdateSecretProxyRequest contains the spec and identifier used for secret updation
 *
 * @generated from message flyteidl2.secret.UpdateSecretRequest
 */
export type UpdateSecretRequest = Message<"flyteidl2.secret.UpdateSecretRequest"> & {
    /**
     * @generated from field: flyteidl2.secret.SecretIdentifier id = 1;
     */
    id?: SecretIdentifier;
    /**
     * @generated from field: flyteidl2.secret.SecretSpec secret_spec = 2;
     */
    secretSpec?: SecretSpec;
};
/**
 * Describes the message flyteidl2.secret.UpdateSecretRequest.
 * Use `create(UpdateSecretRequestSchema)` to create a new message.
 */
export declare const UpdateSecretRequestSchema: GenMessage<UpdateSecretRequest>;
/**
 * UpdateSecretResponse returns an empty response if the secret is successfully updated
 *
 * @generated from message flyteidl2.secret.UpdateSecretResponse
 */
export type UpdateSecretResponse = Message<"flyteidl2.secret.UpdateSecretResponse"> & {};
/**
 * Describes the message flyteidl2.secret.UpdateSecretResponse.
 * Use `create(UpdateSecretResponseSchema)` to create a new message.
 */
export declare const UpdateSecretResponseSchema: GenMessage<UpdateSecretResponse>;
/**
 * GetSecretRequest contains the identifier used for looking up the secret
 *
 * @generated from message flyteidl2.secret.GetSecretRequest
 */
export type GetSecretRequest = Message<"flyteidl2.secret.GetSecretRequest"> & {
    /**
     * @generated from field: flyteidl2.secret.SecretIdentifier id = 1;
     */
    id?: SecretIdentifier;
    /**
     * If true, system-provisioned secrets (e.g. EAGER_API_KEY, SERVING_API_KEY) will be included.
     * If false (default), system secrets will be hidden and return NotFound.
     *
     * @generated from field: bool include_system_secrets = 2;
     */
    includeSystemSecrets: boolean;
};
/**
 * Describes the message flyteidl2.secret.GetSecretRequest.
 * Use `create(GetSecretRequestSchema)` to create a new message.
 */
export declare const GetSecretRequestSchema: GenMessage<GetSecretRequest>;
/**
 * GetSecretProxyResponse returns the looked up secret from the secret service
 *
 * @generated from message flyteidl2.secret.GetSecretResponse
 */
export type GetSecretResponse = Message<"flyteidl2.secret.GetSecretResponse"> & {
    /**
     * @generated from field: flyteidl2.secret.Secret secret = 1;
     */
    secret?: Secret;
};
/**
 * Describes the message flyteidl2.secret.GetSecretResponse.
 * Use `create(GetSecretResponseSchema)` to create a new message.
 */
export declare const GetSecretResponseSchema: GenMessage<GetSecretResponse>;
/**
 * DeleteSecretRequest contains the identifier used for looking up the secret for deletion
 *
 * @generated from message flyteidl2.secret.DeleteSecretRequest
 */
export type DeleteSecretRequest = Message<"flyteidl2.secret.DeleteSecretRequest"> & {
    /**
     * name to be used for looking up the secret
     *
     * @generated from field: flyteidl2.secret.SecretIdentifier id = 1;
     */
    id?: SecretIdentifier;
    /**
     * If true, system-provisioned secrets (e.g. EAGER_API_KEY, SERVING_API_KEY) can be deleted.
     * If false (default), attempting to delete a system secret will return NotFound.
     *
     * @generated from field: bool include_system_secrets = 2;
     */
    includeSystemSecrets: boolean;
};
/**
 * Describes the message flyteidl2.secret.DeleteSecretRequest.
 * Use `create(DeleteSecretRequestSchema)` to create a new message.
 */
export declare const DeleteSecretRequestSchema: GenMessage<DeleteSecretRequest>;
/**
 * DeleteSecretResponse is an empty response right now on successfully deleting the secret.
 *
 * @generated from message flyteidl2.secret.DeleteSecretResponse
 */
export type DeleteSecretResponse = Message<"flyteidl2.secret.DeleteSecretResponse"> & {};
/**
 * Describes the message flyteidl2.secret.DeleteSecretResponse.
 * Use `create(DeleteSecretResponseSchema)` to create a new message.
 */
export declare const DeleteSecretResponseSchema: GenMessage<DeleteSecretResponse>;
/**
 * ListSecretsRequest is used for listing all the secrets accessible to the user at the passed in scope.
 * With org scope, user is given all secrets at org, domain, project-domain level etc
 * And returns paginated results
 *
 * @generated from message flyteidl2.secret.ListSecretsRequest
 */
export type ListSecretsRequest = Message<"flyteidl2.secret.ListSecretsRequest"> & {
    /**
     * Only org scoped resources are supported right now
     *
     * @generated from field: string organization = 1;
     */
    organization: string;
    /**
     * domain scoped secret
     *
     * @generated from field: string domain = 2;
     */
    domain: string;
    /**
     * Project-domain scoped secret
     *
     * @generated from field: string project = 3;
     */
    project: string;
    /**
     * Max page results
     *
     * @generated from field: int32 limit = 4;
     */
    limit: number;
    /**
     * Leave this empty if you are getting the first set of results. The next_token would be set in the response that can be used to fetch the next set of results.
     *
     * @generated from field: string token = 5;
     */
    token: string;
    /**
     * Per cluster token. This allows the service to return paginated results per cluster.
     * Service collates the results from all clusters and returns the next token for each cluster.
     * The client can use the next token for each cluster to fetch the next page of results.
     * In multi cluster, inorder to page through next set of results, client needs to send this token in the next request
     *
     * @generated from field: map<string, string> per_cluster_tokens = 6;
     */
    perClusterTokens: {
        [key: string]: string;
    };
    /**
     * If true, system-provisioned secrets (e.g. EAGER_API_KEY, SERVING_API_KEY) will be included in results.
     * If false (default), system secrets will be filtered out.
     *
     * @generated from field: bool include_system_secrets = 7;
     */
    includeSystemSecrets: boolean;
};
/**
 * Describes the message flyteidl2.secret.ListSecretsRequest.
 * Use `create(ListSecretsRequestSchema)` to create a new message.
 */
export declare const ListSecretsRequestSchema: GenMessage<ListSecretsRequest>;
/**
 * ListSecretsResponse returns paginated results of the accessible secrets at the scope defined in the request.
 *
 * @generated from message flyteidl2.secret.ListSecretsResponse
 */
export type ListSecretsResponse = Message<"flyteidl2.secret.ListSecretsResponse"> & {
    /**
     * @generated from field: repeated flyteidl2.secret.Secret secrets = 1;
     */
    secrets: Secret[];
    /**
     * next token to use for fetching new page results.
     *
     * @generated from field: string token = 2;
     */
    token: string;
    /**
     * Per cluster token. This allows the service to return paginated results per cluster.
     * Service collates the results from all clusters and returns the next token for each cluster.
     * The client can use the next token for each cluster to fetch the next page of results.
     * In multi cluster, inorder to page through next set of results, client needs to send this token in the next request
     *
     * @generated from field: map<string, string> per_cluster_tokens = 3;
     */
    perClusterTokens: {
        [key: string]: string;
    };
};
/**
 * Describes the message flyteidl2.secret.ListSecretsResponse.
 * Use `create(ListSecretsResponseSchema)` to create a new message.
 */
export declare const ListSecretsResponseSchema: GenMessage<ListSecretsResponse>;
