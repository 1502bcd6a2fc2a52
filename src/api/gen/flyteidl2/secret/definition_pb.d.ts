import type { GenEnum, GenFile, GenMessage } from "@bufbuild/protobuf/codegenv1";
import type { ClusterIdentifier } from "../common/identifier_pb.ts";
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file flyteidl2/secret/definition.proto.
 */
export declare const file_flyteidl2_secret_definition: GenFile;
/**
 * SecretSpec contains information used for creating/updating the secret.
 * Mainly it contains the value of the secret
 * In future we could add meta info like tags, rotation config, whether stored secret has any binary format etc for storage/retrieval.
 *
 * @generated from message flyteidl2.secret.SecretSpec
 */
export type SecretSpec = Message<"flyteidl2.secret.SecretSpec"> & {
    /**
     * @generated from oneof flyteidl2.secret.SecretSpec.value
     */
    value: {
        /**
         * @generated from field: string string_value = 1;
         */
        value: string;
        case: "stringValue";
    } | {
        /**
         * @generated from field: bytes binary_value = 2;
         */
        value: Uint8Array;
        case: "binaryValue";
    } | {
        case: undefined;
        value?: undefined;
    };
    /**
     * The secret type
     *
     * @generated from field: flyteidl2.secret.SecretType type = 3;
     */
    type: SecretType;
};
/**
 * Describes the message flyteidl2.secret.SecretSpec.
 * Use `create(SecretSpecSchema)` to create a new message.
 */
export declare const SecretSpecSchema: GenMessage<SecretSpec>;
/**
 * SecretIdentifier contains the uniquely identifiable way of storing or retrieving the secret
 * Name and scope combination are used for defining the format for storage and retrieval of the secret
 * For eg : for org scope secrets
 * storage format org:<org-name>:name:secret-name
 *
 * @generated from message flyteidl2.secret.SecretIdentifier
 */
export type SecretIdentifier = Message<"flyteidl2.secret.SecretIdentifier"> & {
    /**
     * @generated from field: string name = 1;
     */
    name: string;
    /**
     * Only org scoped resources are supported right now
     *
     * @generated from field: string organization = 2;
     */
    organization: string;
    /**
     * domain scoped secret
     *
     * @generated from field: string domain = 3;
     */
    domain: string;
    /**
     * Project-domain scoped secret
     *
     * @generated from field: string project = 4;
     */
    project: string;
};
/**
 * Describes the message flyteidl2.secret.SecretIdentifier.
 * Use `create(SecretIdentifierSchema)` to create a new message.
 */
export declare const SecretIdentifierSchema: GenMessage<SecretIdentifier>;
/**
 * SecretMetadata contain meta info about the secret
 *
 * @generated from message flyteidl2.secret.SecretMetadata
 */
export type SecretMetadata = Message<"flyteidl2.secret.SecretMetadata"> & {
    /**
     * created_time of the secret.
     *
     * @generated from field: google.protobuf.Timestamp created_time = 1;
     */
    createdTime?: Timestamp;
    /**
     * secret_status reports the overall status of the secret across all the clusters.
     * This relies on number of clusters queried which relies on there enabled state.
     *
     * @generated from field: flyteidl2.secret.SecretStatus secret_status = 2;
     */
    secretStatus?: SecretStatus;
    /**
     * The secret type
     *
     * @generated from field: flyteidl2.secret.SecretType type = 3;
     */
    type: SecretType;
};
/**
 * Describes the message flyteidl2.secret.SecretMetadata.
 * Use `create(SecretMetadataSchema)` to create a new message.
 */
export declare const SecretMetadataSchema: GenMessage<SecretMetadata>;
/**
 * SecretStatus contains the status of the secret across all the clusters
 *
 * @generated from message flyteidl2.secret.SecretStatus
 */
export type SecretStatus = Message<"flyteidl2.secret.SecretStatus"> & {
    /**
     * overall_status reports the overall status of the secret across all the clusters.
     *
     * @generated from field: flyteidl2.secret.OverallStatus overall_status = 1;
     */
    overallStatus: OverallStatus;
    /**
     * cluster_status reports the status of the secret in each cluster
     *
     * @generated from field: repeated flyteidl2.secret.ClusterSecretStatus cluster_status = 2;
     */
    clusterStatus: ClusterSecretStatus[];
};
/**
 * Describes the message flyteidl2.secret.SecretStatus.
 * Use `create(SecretStatusSchema)` to create a new message.
 */
export declare const SecretStatusSchema: GenMessage<SecretStatus>;
/**
 * ClusterSecretStatus contains the status of the secret in a cluster
 *
 * @generated from message flyteidl2.secret.ClusterSecretStatus
 */
export type ClusterSecretStatus = Message<"flyteidl2.secret.ClusterSecretStatus"> & {
    /**
     * @generated from field: flyteidl2.common.ClusterIdentifier cluster = 1;
     */
    cluster?: ClusterIdentifier;
    /**
     * presence_status reports the status of the secret in the cluster
     *
     * @generated from field: flyteidl2.secret.SecretPresenceStatus presence_status = 2;
     */
    presenceStatus: SecretPresenceStatus;
};
/**
 * Describes the message flyteidl2.secret.ClusterSecretStatus.
 * Use `create(ClusterSecretStatusSchema)` to create a new message.
 */
export declare const ClusterSecretStatusSchema: GenMessage<ClusterSecretStatus>;
/**
 * Secret is the returned object for Get and List calls which returns the identifier of the secret along with
 * meta information in future about the creation data, update date, tags etc
 * This doesn't contain the value of the secret
 *
 * @generated from message flyteidl2.secret.Secret
 */
export type Secret = Message<"flyteidl2.secret.Secret"> & {
    /**
     * @generated from field: flyteidl2.secret.SecretIdentifier id = 1;
     */
    id?: SecretIdentifier;
    /**
     * @generated from field: flyteidl2.secret.SecretMetadata secret_metadata = 2;
     */
    secretMetadata?: SecretMetadata;
};
/**
 * Describes the message flyteidl2.secret.Secret.
 * Use `create(SecretSchema)` to create a new message.
 */
export declare const SecretSchema: GenMessage<Secret>;
/**
 * @generated from enum flyteidl2.secret.SecretType
 */
export declare enum SecretType {
    /**
     * Default, unspecified secret type. Assumed to be generic and no type specific handling required.
     *
     * @generated from enum value: SECRET_TYPE_GENERIC = 0;
     */
    GENERIC = 0,
    /**
     * Secret used specifically for pulling images from a container registry.
     *
     * @generated from enum value: SECRET_TYPE_IMAGE_PULL_SECRET = 1;
     */
    IMAGE_PULL_SECRET = 1
}
/**
 * Describes the enum flyteidl2.secret.SecretType.
 */
export declare const SecretTypeSchema: GenEnum<SecretType>;
/**
 * @generated from enum flyteidl2.secret.OverallStatus
 */
export declare enum OverallStatus {
    /**
     * @generated from enum value: UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * Exists in some cluster
     *
     * @generated from enum value: PARTIALLY_PRESENT = 1;
     */
    PARTIALLY_PRESENT = 1,
    /**
     * Exists in all enabled clusters
     *
     * @generated from enum value: FULLY_PRESENT = 2;
     */
    FULLY_PRESENT = 2,
    /**
     * Status is unknown
     *
     * @generated from enum value: UNKNOWN_STATUS = 3;
     */
    UNKNOWN_STATUS = 3
}
/**
 * Describes the enum flyteidl2.secret.OverallStatus.
 */
export declare const OverallStatusSchema: GenEnum<OverallStatus>;
/**
 * @generated from enum flyteidl2.secret.SecretPresenceStatus
 */
export declare enum SecretPresenceStatus {
    /**
     * @generated from enum value: UNKNOWN = 0;
     */
    UNKNOWN = 0,
    /**
     * Secret is missing in the cluster
     *
     * @generated from enum value: MISSING = 1;
     */
    MISSING = 1,
    /**
     * Secret is present in the cluster
     *
     * @generated from enum value: PRESENT = 2;
     */
    PRESENT = 2
}
/**
 * Describes the enum flyteidl2.secret.SecretPresenceStatus.
 */
export declare const SecretPresenceStatusSchema: GenEnum<SecretPresenceStatus>;
