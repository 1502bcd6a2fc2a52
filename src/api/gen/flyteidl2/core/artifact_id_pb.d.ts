import type { GenEnum, GenFile, GenMessage } from "@bufbuild/protobuf/codegenv1";
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file flyteidl2/core/artifact_id.proto.
 */
export declare const file_flyteidl2_core_artifact_id: GenFile;
/**
 * @generated from message flyteidl2.core.ArtifactKey
 */
export type ArtifactKey = Message<"flyteidl2.core.ArtifactKey"> & {
    /**
     * Project and domain and suffix needs to be unique across a given artifact store.
     *
     * @generated from field: string project = 1;
     */
    project: string;
    /**
     * @generated from field: string domain = 2;
     */
    domain: string;
    /**
     * @generated from field: string name = 3;
     */
    name: string;
    /**
     * @generated from field: string org = 4;
     */
    org: string;
};
/**
 * Describes the message flyteidl2.core.ArtifactKey.
 * Use `create(ArtifactKeySchema)` to create a new message.
 */
export declare const ArtifactKeySchema: GenMessage<ArtifactKey>;
/**
 * Only valid for triggers
 *
 * @generated from message flyteidl2.core.ArtifactBindingData
 */
export type ArtifactBindingData = Message<"flyteidl2.core.ArtifactBindingData"> & {
    /**
     * These two fields are only relevant in the partition value case
     *
     * @generated from oneof flyteidl2.core.ArtifactBindingData.partition_data
     */
    partitionData: {
        /**
         * @generated from field: string partition_key = 5;
         */
        value: string;
        case: "partitionKey";
    } | {
        /**
         * @generated from field: bool bind_to_time_partition = 6;
         */
        value: boolean;
        case: "bindToTimePartition";
    } | {
        case: undefined;
        value?: undefined;
    };
    /**
     * This is only relevant in the time partition case
     *
     * @generated from field: flyteidl2.core.TimeTransform time_transform = 7;
     */
    timeTransform?: TimeTransform;
};
/**
 * Describes the message flyteidl2.core.ArtifactBindingData.
 * Use `create(ArtifactBindingDataSchema)` to create a new message.
 */
export declare const ArtifactBindingDataSchema: GenMessage<ArtifactBindingData>;
/**
 * @generated from message flyteidl2.core.TimeTransform
 */
export type TimeTransform = Message<"flyteidl2.core.TimeTransform"> & {
    /**
     * @generated from field: string transform = 1;
     */
    transform: string;
    /**
     * @generated from field: flyteidl2.core.Operator op = 2;
     */
    op: Operator;
};
/**
 * Describes the message flyteidl2.core.TimeTransform.
 * Use `create(TimeTransformSchema)` to create a new message.
 */
export declare const TimeTransformSchema: GenMessage<TimeTransform>;
/**
 * @generated from message flyteidl2.core.InputBindingData
 */
export type InputBindingData = Message<"flyteidl2.core.InputBindingData"> & {
    /**
     * @generated from field: string var = 1;
     */
    var: string;
};
/**
 * Describes the message flyteidl2.core.InputBindingData.
 * Use `create(InputBindingDataSchema)` to create a new message.
 */
export declare const InputBindingDataSchema: GenMessage<InputBindingData>;
/**
 * @generated from message flyteidl2.core.RuntimeBinding
 */
export type RuntimeBinding = Message<"flyteidl2.core.RuntimeBinding"> & {};
/**
 * Describes the message flyteidl2.core.RuntimeBinding.
 * Use `create(RuntimeBindingSchema)` to create a new message.
 */
export declare const RuntimeBindingSchema: GenMessage<RuntimeBinding>;
/**
 * @generated from message flyteidl2.core.LabelValue
 */
export type LabelValue = Message<"flyteidl2.core.LabelValue"> & {
    /**
     * @generated from oneof flyteidl2.core.LabelValue.value
     */
    value: {
        /**
         * The string static value is for use in the Partitions object
         *
         * @generated from field: string static_value = 1;
         */
        value: string;
        case: "staticValue";
    } | {
        /**
         * The time value is for use in the TimePartition case
         *
         * @generated from field: google.protobuf.Timestamp time_value = 2;
         */
        value: Timestamp;
        case: "timeValue";
    } | {
        /**
         * @generated from field: flyteidl2.core.ArtifactBindingData triggered_binding = 3;
         */
        value: ArtifactBindingData;
        case: "triggeredBinding";
    } | {
        /**
         * @generated from field: flyteidl2.core.InputBindingData input_binding = 4;
         */
        value: InputBindingData;
        case: "inputBinding";
    } | {
        /**
         * @generated from field: flyteidl2.core.RuntimeBinding runtime_binding = 5;
         */
        value: RuntimeBinding;
        case: "runtimeBinding";
    } | {
        case: undefined;
        value?: undefined;
    };
};
/**
 * Describes the message flyteidl2.core.LabelValue.
 * Use `create(LabelValueSchema)` to create a new message.
 */
export declare const LabelValueSchema: GenMessage<LabelValue>;
/**
 * @generated from message flyteidl2.core.Partitions
 */
export type Partitions = Message<"flyteidl2.core.Partitions"> & {
    /**
     * @generated from field: map<string, flyteidl2.core.LabelValue> value = 1;
     */
    value: {
        [key: string]: LabelValue;
    };
};
/**
 * Describes the message flyteidl2.core.Partitions.
 * Use `create(PartitionsSchema)` to create a new message.
 */
export declare const PartitionsSchema: GenMessage<Partitions>;
/**
 * @generated from message flyteidl2.core.TimePartition
 */
export type TimePartition = Message<"flyteidl2.core.TimePartition"> & {
    /**
     * @generated from field: flyteidl2.core.LabelValue value = 1;
     */
    value?: LabelValue;
    /**
     * @generated from field: flyteidl2.core.Granularity granularity = 2;
     */
    granularity: Granularity;
};
/**
 * Describes the message flyteidl2.core.TimePartition.
 * Use `create(TimePartitionSchema)` to create a new message.
 */
export declare const TimePartitionSchema: GenMessage<TimePartition>;
/**
 * @generated from message flyteidl2.core.ArtifactID
 */
export type ArtifactID = Message<"flyteidl2.core.ArtifactID"> & {
    /**
     * @generated from field: flyteidl2.core.ArtifactKey artifact_key = 1;
     */
    artifactKey?: ArtifactKey;
    /**
     * @generated from field: string version = 2;
     */
    version: string;
    /**
     * Think of a partition as a tag on an Artifact, except it's a key-value pair.
     * Different partitions naturally have different versions (execution ids).
     *
     * @generated from field: flyteidl2.core.Partitions partitions = 3;
     */
    partitions?: Partitions;
    /**
     * There is no such thing as an empty time partition - if it's not set, then there is no time partition.
     *
     * @generated from field: flyteidl2.core.TimePartition time_partition = 4;
     */
    timePartition?: TimePartition;
};
/**
 * Describes the message flyteidl2.core.ArtifactID.
 * Use `create(ArtifactIDSchema)` to create a new message.
 */
export declare const ArtifactIDSchema: GenMessage<ArtifactID>;
/**
 * @generated from message flyteidl2.core.ArtifactTag
 */
export type ArtifactTag = Message<"flyteidl2.core.ArtifactTag"> & {
    /**
     * @generated from field: flyteidl2.core.ArtifactKey artifact_key = 1;
     */
    artifactKey?: ArtifactKey;
    /**
     * @generated from field: flyteidl2.core.LabelValue value = 2;
     */
    value?: LabelValue;
};
/**
 * Describes the message flyteidl2.core.ArtifactTag.
 * Use `create(ArtifactTagSchema)` to create a new message.
 */
export declare const ArtifactTagSchema: GenMessage<ArtifactTag>;
/**
 * Uniqueness constraints for Artifacts
 *  - project, domain, name, version, partitions
 * Option 2 (tags are standalone, point to an individual artifact id):
 *  - project, domain, name, alias (points to one partition if partitioned)
 *  - project, domain, name, partition key, partition value
 *
 * @generated from message flyteidl2.core.ArtifactQuery
 */
export type ArtifactQuery = Message<"flyteidl2.core.ArtifactQuery"> & {
    /**
     * @generated from oneof flyteidl2.core.ArtifactQuery.identifier
     */
    identifier: {
        /**
         * @generated from field: flyteidl2.core.ArtifactID artifact_id = 1;
         */
        value: ArtifactID;
        case: "artifactId";
    } | {
        /**
         * @generated from field: flyteidl2.core.ArtifactTag artifact_tag = 2;
         */
        value: ArtifactTag;
        case: "artifactTag";
    } | {
        /**
         * @generated from field: string uri = 3;
         */
        value: string;
        case: "uri";
    } | {
        /**
         * This is used in the trigger case, where a user specifies a value for an input that is one of the triggering
         * artifacts, or a partition value derived from a triggering artifact.
         *
         * @generated from field: flyteidl2.core.ArtifactBindingData binding = 4;
         */
        value: ArtifactBindingData;
        case: "binding";
    } | {
        case: undefined;
        value?: undefined;
    };
};
/**
 * Describes the message flyteidl2.core.ArtifactQuery.
 * Use `create(ArtifactQuerySchema)` to create a new message.
 */
export declare const ArtifactQuerySchema: GenMessage<ArtifactQuery>;
/**
 * @generated from enum flyteidl2.core.Granularity
 */
export declare enum Granularity {
    /**
     * @generated from enum value: UNSET = 0;
     */
    UNSET = 0,
    /**
     * @generated from enum value: MINUTE = 1;
     */
    MINUTE = 1,
    /**
     * @generated from enum value: HOUR = 2;
     */
    HOUR = 2,
    /**
     * default
     *
     * @generated from enum value: DAY = 3;
     */
    DAY = 3,
    /**
     * @generated from enum value: MONTH = 4;
     */
    MONTH = 4
}
/**
 * Describes the enum flyteidl2.core.Granularity.
 */
export declare const GranularitySchema: GenEnum<Granularity>;
/**
 * @generated from enum flyteidl2.core.Operator
 */
export declare enum Operator {
    /**
     * @generated from enum value: MINUS = 0;
     */
    MINUS = 0,
    /**
     * @generated from enum value: PLUS = 1;
     */
    PLUS = 1
}
/**
 * Describes the enum flyteidl2.core.Operator.
 */
export declare const OperatorSchema: GenEnum<Operator>;
