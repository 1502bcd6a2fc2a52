import type { GenFile, GenService } from "@bufbuild/protobuf/codegenv1";
import type { CreateSecretRequestSchema, CreateSecretResponseSchema, DeleteSecretRequestSchema, DeleteSecretResponseSchema, GetSecretRequestSchema, GetSecretResponseSchema, ListSecretsRequestSchema, ListSecretsResponseSchema, UpdateSecretRequestSchema, UpdateSecretResponseSchema } from "./payload_pb.ts";
/**
 * Describes the file flyteidl2/secret/secret.proto.
 */
export declare const file_flyteidl2_secret_secret: GenFile;
/**
 * @generated from service flyteidl2.secret.SecretService
 */
export declare const SecretService: GenService<{
    /**
     * @generated from rpc flyteidl2.secret.SecretService.CreateSecret
     */
    createSecret: {
        methodKind: "unary";
        input: typeof CreateSecretRequestSchema;
        output: typeof CreateSecretResponseSchema;
    };
    /**
     * @generated from rpc flyteidl2.secret.SecretService.UpdateSecret
     */
    updateSecret: {
        methodKind: "unary";
        input: typeof UpdateSecretRequestSchema;
        output: typeof UpdateSecretResponseSchema;
    };
    /**
     * @generated from rpc flyteidl2.secret.SecretService.GetSecret
     */
    getSecret: {
        methodKind: "unary";
        input: typeof GetSecretRequestSchema;
        output: typeof GetSecretResponseSchema;
    };
    /**
     * @generated from rpc flyteidl2.secret.SecretService.DeleteSecret
     */
    deleteSecret: {
        methodKind: "unary";
        input: typeof DeleteSecretRequestSchema;
        output: typeof DeleteSecretResponseSchema;
    };
    /**
     * @generated from rpc flyteidl2.secret.SecretService.ListSecrets
     */
    listSecrets: {
        methodKind: "unary";
        input: typeof ListSecretsRequestSchema;
        output: typeof ListSecretsResponseSchema;
    };
}>;
