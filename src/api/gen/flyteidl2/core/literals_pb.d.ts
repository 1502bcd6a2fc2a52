import type { GenFile, GenMessage } from "@bufbuild/protobuf/codegenv1";
import type { BlobType, Error, LiteralType, OutputReference, SchemaType, StructuredDatasetType } from "./types_pb.ts";
import type { Duration, Timestamp } from "@bufbuild/protobuf/wkt";
import type { JsonObject, Message } from "@bufbuild/protobuf";
/**
 * Describes the file flyteidl2/core/literals.proto.
 */
export declare const file_flyteidl2_core_literals: GenFile;
/**
 * Primitive Types
 *
 * @generated from message flyteidl2.core.Primitive
 */
export type Primitive = Message<"flyteidl2.core.Primitive"> & {
    /**
     * Defines one of simple primitive types. These types will get translated into different programming languages as
     * described in https://developers.google.com/protocol-buffers/docs/proto#scalar.
     *
     * @generated from oneof flyteidl2.core.Primitive.value
     */
    value: {
        /**
         * @generated from field: int64 integer = 1;
         */
        value: bigint;
        case: "integer";
    } | {
        /**
         * @generated from field: double float_value = 2;
         */
        value: number;
        case: "floatValue";
    } | {
        /**
         * @generated from field: string string_value = 3;
         */
        value: string;
        case: "stringValue";
    } | {
        /**
         * @generated from field: bool boolean = 4;
         */
        value: boolean;
        case: "boolean";
    } | {
        /**
         * @generated from field: google.protobuf.Timestamp datetime = 5;
         */
        value: Timestamp;
        case: "datetime";
    } | {
        /**
         * @generated from field: google.protobuf.Duration duration = 6;
         */
        value: Duration;
        case: "duration";
    } | {
        case: undefined;
        value?: undefined;
    };
};
/**
 * Describes the message flyteidl2.core.Primitive.
 * Use `create(PrimitiveSchema)` to create a new message.
 */
export declare const PrimitiveSchema: GenMessage<Primitive>;
/**
 * Used to denote a nil/null/None assignment to a scalar value. The underlying LiteralType for Void is intentionally
 * undefined since it can be assigned to a scalar of any LiteralType.
 *
 * @generated from message flyteidl2.core.Void
 */
export type Void = Message<"flyteidl2.core.Void"> & {};
/**
 * Describes the message flyteidl2.core.Void.
 * Use `create(VoidSchema)` to create a new message.
 */
export declare const VoidSchema: GenMessage<Void>;
/**
 * Refers to an offloaded set of files. It encapsulates the type of the store and a unique uri for where the data is.
 * There are no restrictions on how the uri is formatted since it will depend on how to interact with the store.
 *
 * @generated from message flyteidl2.core.Blob
 */
export type Blob = Message<"flyteidl2.core.Blob"> & {
    /**
     * @generated from field: flyteidl2.core.BlobMetadata metadata = 1;
     */
    metadata?: BlobMetadata;
    /**
     * @generated from field: string uri = 3;
     */
    uri: string;
};
/**
 * Describes the message flyteidl2.core.Blob.
 * Use `create(BlobSchema)` to create a new message.
 */
export declare const BlobSchema: GenMessage<Blob>;
/**
 * @generated from message flyteidl2.core.BlobMetadata
 */
export type BlobMetadata = Message<"flyteidl2.core.BlobMetadata"> & {
    /**
     * @generated from field: flyteidl2.core.BlobType type = 1;
     */
    type?: BlobType;
};
/**
 * Describes the message flyteidl2.core.BlobMetadata.
 * Use `create(BlobMetadataSchema)` to create a new message.
 */
export declare const BlobMetadataSchema: GenMessage<BlobMetadata>;
/**
 * A simple byte array with a tag to help different parts of the system communicate about what is in the byte array.
 * It's strongly advisable that consumers of this type define a unique tag and validate the tag before parsing the data.
 *
 * @generated from message flyteidl2.core.Binary
 */
export type Binary = Message<"flyteidl2.core.Binary"> & {
    /**
     * Serialized data (MessagePack) for supported types like Dataclass, Pydantic BaseModel, and untyped dict.
     *
     * @generated from field: bytes value = 1;
     */
    value: Uint8Array;
    /**
     * The serialization format identifier (e.g., MessagePack). Consumers must define unique tags and validate them before deserialization.
     *
     * @generated from field: string tag = 2;
     */
    tag: string;
};
/**
 * Describes the message flyteidl2.core.Binary.
 * Use `create(BinarySchema)` to create a new message.
 */
export declare const BinarySchema: GenMessage<Binary>;
/**
 * A strongly typed schema that defines the interface of data retrieved from the underlying storage medium.
 *
 * @generated from message flyteidl2.core.Schema
 */
export type Schema = Message<"flyteidl2.core.Schema"> & {
    /**
     * @generated from field: string uri = 1;
     */
    uri: string;
    /**
     * @generated from field: flyteidl2.core.SchemaType type = 3;
     */
    type?: SchemaType;
};
/**
 * Describes the message flyteidl2.core.Schema.
 * Use `create(SchemaSchema)` to create a new message.
 */
export declare const SchemaSchema: GenMessage<Schema>;
/**
 * The runtime representation of a tagged union value. See `UnionType` for more details.
 *
 * @generated from message flyteidl2.core.Union
 */
export type Union = Message<"flyteidl2.core.Union"> & {
    /**
     * @generated from field: flyteidl2.core.Literal value = 1;
     */
    value?: Literal;
    /**
     * @generated from field: flyteidl2.core.LiteralType type = 2;
     */
    type?: LiteralType;
};
/**
 * Describes the message flyteidl2.core.Union.
 * Use `create(UnionSchema)` to create a new message.
 */
export declare const UnionSchema: GenMessage<Union>;
/**
 * @generated from message flyteidl2.core.StructuredDatasetMetadata
 */
export type StructuredDatasetMetadata = Message<"flyteidl2.core.StructuredDatasetMetadata"> & {
    /**
     * Bundle the type information along with the literal.
     * This is here because StructuredDatasets can often be more defined at run time than at compile time.
     * That is, at compile time you might only declare a task to return a pandas dataframe or a StructuredDataset,
     * without any column information, but at run time, you might have that column information.
     * flytekit python will copy this type information into the literal, from the type information, if not provided by
     * the various plugins (encoders).
     * Since this field is run time generated, it's not used for any type checking.
     *
     * @generated from field: flyteidl2.core.StructuredDatasetType structured_dataset_type = 1;
     */
    structuredDatasetType?: StructuredDatasetType;
};
/**
 * Describes the message flyteidl2.core.StructuredDatasetMetadata.
 * Use `create(StructuredDatasetMetadataSchema)` to create a new message.
 */
export declare const StructuredDatasetMetadataSchema: GenMessage<StructuredDatasetMetadata>;
/**
 * @generated from message flyteidl2.core.StructuredDataset
 */
export type StructuredDataset = Message<"flyteidl2.core.StructuredDataset"> & {
    /**
     * String location uniquely identifying where the data is.
     * Should start with the storage location (e.g. s3://, gs://, bq://, etc.)
     *
     * @generated from field: string uri = 1;
     */
    uri: string;
    /**
     * @generated from field: flyteidl2.core.StructuredDatasetMetadata metadata = 2;
     */
    metadata?: StructuredDatasetMetadata;
};
/**
 * Describes the message flyteidl2.core.StructuredDataset.
 * Use `create(StructuredDatasetSchema)` to create a new message.
 */
export declare const StructuredDatasetSchema: GenMessage<StructuredDataset>;
/**
 * @generated from message flyteidl2.core.Scalar
 */
export type Scalar = Message<"flyteidl2.core.Scalar"> & {
    /**
     * @generated from oneof flyteidl2.core.Scalar.value
     */
    value: {
        /**
         * @generated from field: flyteidl2.core.Primitive primitive = 1;
         */
        value: Primitive;
        case: "primitive";
    } | {
        /**
         * @generated from field: flyteidl2.core.Blob blob = 2;
         */
        value: Blob;
        case: "blob";
    } | {
        /**
         * @generated from field: flyteidl2.core.Binary binary = 3;
         */
        value: Binary;
        case: "binary";
    } | {
        /**
         * @generated from field: flyteidl2.core.Schema schema = 4;
         */
        value: Schema;
        case: "schema";
    } | {
        /**
         * @generated from field: flyteidl2.core.Void none_type = 5;
         */
        value: Void;
        case: "noneType";
    } | {
        /**
         * @generated from field: flyteidl2.core.Error error = 6;
         */
        value: Error;
        case: "error";
    } | {
        /**
         * @generated from field: google.protobuf.Struct generic = 7;
         */
        value: JsonObject;
        case: "generic";
    } | {
        /**
         * @generated from field: flyteidl2.core.StructuredDataset structured_dataset = 8;
         */
        value: StructuredDataset;
        case: "structuredDataset";
    } | {
        /**
         * @generated from field: flyteidl2.core.Union union = 9;
         */
        value: Union;
        case: "union";
    } | {
        case: undefined;
        value?: undefined;
    };
};
/**
 * Describes the message flyteidl2.core.Scalar.
 * Use `create(ScalarSchema)` to create a new message.
 */
export declare const ScalarSchema: GenMessage<Scalar>;
/**
 * A simple value. This supports any level of nesting (e.g. array of array of array of Blobs) as well as simple primitives.
 *
 * @generated from message flyteidl2.core.Literal
 */
export type Literal = Message<"flyteidl2.core.Literal"> & {
    /**
     * @generated from oneof flyteidl2.core.Literal.value
     */
    value: {
        /**
         * A simple value.
         *
         * @generated from field: flyteidl2.core.Scalar scalar = 1;
         */
        value: Scalar;
        case: "scalar";
    } | {
        /**
         * A collection of literals to allow nesting.
         *
         * @generated from field: flyteidl2.core.LiteralCollection collection = 2;
         */
        value: LiteralCollection;
        case: "collection";
    } | {
        /**
         * A map of strings to literals.
         *
         * @generated from field: flyteidl2.core.LiteralMap map = 3;
         */
        value: LiteralMap;
        case: "map";
    } | {
        /**
         * Offloaded literal metadata
         * When you deserialize the offloaded metadata, it would be of Literal and its type would be defined by LiteralType stored in offloaded_metadata.
         *
         * @generated from field: flyteidl2.core.LiteralOffloadedMetadata offloaded_metadata = 8;
         */
        value: LiteralOffloadedMetadata;
        case: "offloadedMetadata";
    } | {
        case: undefined;
        value?: undefined;
    };
    /**
     * A hash representing this literal.
     * This is used for caching purposes. For more details refer to RFC 1893
     * (https://github.com/flyteorg/flyte/blob/master/rfc/system/1893-caching-of-offloaded-objects.md)
     *
     * @generated from field: string hash = 4;
     */
    hash: string;
    /**
     * Additional metadata for literals.
     *
     * @generated from field: map<string, string> metadata = 5;
     */
    metadata: {
        [key: string]: string;
    };
};
/**
 * Describes the message flyteidl2.core.Literal.
 * Use `create(LiteralSchema)` to create a new message.
 */
export declare const LiteralSchema: GenMessage<Literal>;
/**
 * A message that contains the metadata of the offloaded data.
 *
 * @generated from message flyteidl2.core.LiteralOffloadedMetadata
 */
export type LiteralOffloadedMetadata = Message<"flyteidl2.core.LiteralOffloadedMetadata"> & {
    /**
     * The location of the offloaded core.Literal.
     *
     * @generated from field: string uri = 1;
     */
    uri: string;
    /**
     * The size of the offloaded data.
     *
     * @generated from field: uint64 size_bytes = 2;
     */
    sizeBytes: bigint;
    /**
     * The inferred literal type of the offloaded data.
     *
     * @generated from field: flyteidl2.core.LiteralType inferred_type = 3;
     */
    inferredType?: LiteralType;
};
/**
 * Describes the message flyteidl2.core.LiteralOffloadedMetadata.
 * Use `create(LiteralOffloadedMetadataSchema)` to create a new message.
 */
export declare const LiteralOffloadedMetadataSchema: GenMessage<LiteralOffloadedMetadata>;
/**
 * A collection of literals. This is a workaround since oneofs in proto messages cannot contain a repeated field.
 *
 * @generated from message flyteidl2.core.LiteralCollection
 */
export type LiteralCollection = Message<"flyteidl2.core.LiteralCollection"> & {
    /**
     * @generated from field: repeated flyteidl2.core.Literal literals = 1;
     */
    literals: Literal[];
};
/**
 * Describes the message flyteidl2.core.LiteralCollection.
 * Use `create(LiteralCollectionSchema)` to create a new message.
 */
export declare const LiteralCollectionSchema: GenMessage<LiteralCollection>;
/**
 * A map of literals. This is a workaround since oneofs in proto messages cannot contain a repeated field.
 *
 * @generated from message flyteidl2.core.LiteralMap
 */
export type LiteralMap = Message<"flyteidl2.core.LiteralMap"> & {
    /**
     * @generated from field: map<string, flyteidl2.core.Literal> literals = 1;
     */
    literals: {
        [key: string]: Literal;
    };
};
/**
 * Describes the message flyteidl2.core.LiteralMap.
 * Use `create(LiteralMapSchema)` to create a new message.
 */
export declare const LiteralMapSchema: GenMessage<LiteralMap>;
/**
 * A collection of BindingData items.
 *
 * @generated from message flyteidl2.core.BindingDataCollection
 */
export type BindingDataCollection = Message<"flyteidl2.core.BindingDataCollection"> & {
    /**
     * @generated from field: repeated flyteidl2.core.BindingData bindings = 1;
     */
    bindings: BindingData[];
};
/**
 * Describes the message flyteidl2.core.BindingDataCollection.
 * Use `create(BindingDataCollectionSchema)` to create a new message.
 */
export declare const BindingDataCollectionSchema: GenMessage<BindingDataCollection>;
/**
 * A map of BindingData items.
 *
 * @generated from message flyteidl2.core.BindingDataMap
 */
export type BindingDataMap = Message<"flyteidl2.core.BindingDataMap"> & {
    /**
     * @generated from field: map<string, flyteidl2.core.BindingData> bindings = 1;
     */
    bindings: {
        [key: string]: BindingData;
    };
};
/**
 * Describes the message flyteidl2.core.BindingDataMap.
 * Use `create(BindingDataMapSchema)` to create a new message.
 */
export declare const BindingDataMapSchema: GenMessage<BindingDataMap>;
/**
 * @generated from message flyteidl2.core.UnionInfo
 */
export type UnionInfo = Message<"flyteidl2.core.UnionInfo"> & {
    /**
     * @generated from field: flyteidl2.core.LiteralType targetType = 1;
     */
    targetType?: LiteralType;
};
/**
 * Describes the message flyteidl2.core.UnionInfo.
 * Use `create(UnionInfoSchema)` to create a new message.
 */
export declare const UnionInfoSchema: GenMessage<UnionInfo>;
/**
 * Specifies either a simple value or a reference to another output.
 *
 * @generated from message flyteidl2.core.BindingData
 */
export type BindingData = Message<"flyteidl2.core.BindingData"> & {
    /**
     * @generated from oneof flyteidl2.core.BindingData.value
     */
    value: {
        /**
         * A simple scalar value.
         *
         * @generated from field: flyteidl2.core.Scalar scalar = 1;
         */
        value: Scalar;
        case: "scalar";
    } | {
        /**
         * A collection of binding data. This allows nesting of binding data to any number
         * of levels.
         *
         * @generated from field: flyteidl2.core.BindingDataCollection collection = 2;
         */
        value: BindingDataCollection;
        case: "collection";
    } | {
        /**
         * References an output promised by another node.
         *
         * @generated from field: flyteidl2.core.OutputReference promise = 3;
         */
        value: OutputReference;
        case: "promise";
    } | {
        /**
         * A map of bindings. The key is always a string.
         *
         * @generated from field: flyteidl2.core.BindingDataMap map = 4;
         */
        value: BindingDataMap;
        case: "map";
    } | {
        /**
         * Offloaded literal metadata
         * When you deserialize the offloaded metadata, it would be of Literal and its type would be defined by LiteralType stored in offloaded_metadata.
         * Used for nodes that don't have promises from upstream nodes such as ArrayNode subNodes.
         *
         * @generated from field: flyteidl2.core.LiteralOffloadedMetadata offloaded_metadata = 6;
         */
        value: LiteralOffloadedMetadata;
        case: "offloadedMetadata";
    } | {
        case: undefined;
        value?: undefined;
    };
    /**
     * @generated from field: flyteidl2.core.UnionInfo union = 5;
     */
    union?: UnionInfo;
};
/**
 * Describes the message flyteidl2.core.BindingData.
 * Use `create(BindingDataSchema)` to create a new message.
 */
export declare const BindingDataSchema: GenMessage<BindingData>;
/**
 * An input/output binding of a variable to either static value or a node output.
 *
 * @generated from message flyteidl2.core.Binding
 */
export type Binding = Message<"flyteidl2.core.Binding"> & {
    /**
     * Variable name must match an input/output variable of the node.
     *
     * @generated from field: string var = 1;
     */
    var: string;
    /**
     * Data to use to bind this variable.
     *
     * @generated from field: flyteidl2.core.BindingData binding = 2;
     */
    binding?: BindingData;
};
/**
 * Describes the message flyteidl2.core.Binding.
 * Use `create(BindingSchema)` to create a new message.
 */
export declare const BindingSchema: GenMessage<Binding>;
/**
 * A generic key value pair.
 *
 * @generated from message flyteidl2.core.KeyValuePair
 */
export type KeyValuePair = Message<"flyteidl2.core.KeyValuePair"> & {
    /**
     * required.
     *
     * @generated from field: string key = 1;
     */
    key: string;
    /**
     * +optional.
     *
     * @generated from field: string value = 2;
     */
    value: string;
};
/**
 * Describes the message flyteidl2.core.KeyValuePair.
 * Use `create(KeyValuePairSchema)` to create a new message.
 */
export declare const KeyValuePairSchema: GenMessage<KeyValuePair>;
/**
 * Backoff policy applied between user retries. Computed delay for retry n
 * (0-indexed) is: min(base * factor**n, cap). All fields are optional; if
 * all are unset, no backoff is applied (retries fire immediately). An unset
 * factor is interpreted as 1.0 (constant delay).
 *
 * @generated from message flyteidl2.core.Backoff
 */
export type Backoff = Message<"flyteidl2.core.Backoff"> & {
    /**
     * Initial delay before the first retry. Must be >= 0 when set.
     *
     * @generated from field: google.protobuf.Duration base = 1;
     */
    base?: Duration;
    /**
     * Multiplier applied per retry. factor=1 yields constant delay; factor=2
     * doubles each time. When unset, factor is treated as 1.0. Must be >= 1.0
     * when set.
     *
     * @generated from field: optional double factor = 2;
     */
    factor?: number;
    /**
     * Upper bound on the computed delay. Required when factor > 1 to prevent
     * unbounded growth. Must be >= 0 when set.
     *
     * @generated from field: google.protobuf.Duration cap = 3;
     */
    cap?: Duration;
};
/**
 * Describes the message flyteidl2.core.Backoff.
 * Use `create(BackoffSchema)` to create a new message.
 */
export declare const BackoffSchema: GenMessage<Backoff>;
/**
 * Retry strategy associated with an executable unit.
 *
 * @generated from message flyteidl2.core.RetryStrategy
 */
export type RetryStrategy = Message<"flyteidl2.core.RetryStrategy"> & {
    /**
     * Number of user retries. Retries are consumed when the job fails with a
     * recoverable error. Retries are NOT consumed when user code raises
     * NonRecoverableError (see ContainerError.Kind.NON_RECOVERABLE).
     * The number of retries must be less than or equal to 10.
     *
     * @generated from field: uint32 retries = 5;
     */
    retries: number;
    /**
     * Optional backoff policy applied between user retries. If unset, retries
     * fire immediately back-to-back. Backoff applies only to user retries;
     * system retries are governed by platform recovery policy.
     *
     * @generated from field: flyteidl2.core.Backoff backoff = 6;
     */
    backoff?: Backoff;
};
/**
 * Describes the message flyteidl2.core.RetryStrategy.
 * Use `create(RetryStrategySchema)` to create a new message.
 */
export declare const RetryStrategySchema: GenMessage<RetryStrategy>;
/**
 * Timeout strategy for an action — additional bounds layered on top of
 * TaskMetadata.timeout (the per-attempt RUNNING-phase bound, a.k.a.
 * max_runtime). Each field below is independently optional. For every
 * duration field in this message, a value of 0 (or an unset field) is
 * interpreted as unlimited (no bound applied). Negative values are
 * rejected.
 *
 * queued_timeout is anchored per attempt (resets on retry). deadline is
 * anchored once at the timestamp the action first entered
 * ACTION_PHASE_QUEUED, recorded by the actions service and reused across
 * all attempts (user or system).
 *
 * @generated from message flyteidl2.core.TimeoutStrategy
 */
export type TimeoutStrategy = Message<"flyteidl2.core.TimeoutStrategy"> & {
    /**
     * Wall-clock spent in ACTION_PHASE_QUEUED + ACTION_PHASE_WAITING_FOR_RESOURCES
     * before the action enters ACTION_PHASE_INITIALIZING. Per attempt — resets
     * on each retry. Enforced by the leasor (pre-lease) and the lease worker
     * (post-lease, before user code starts). 0 (or unset) means unlimited.
     *
     * @generated from field: google.protobuf.Duration queued_timeout = 1;
     */
    queuedTimeout?: Duration;
    /**
     * Wall-clock from first ACTION_PHASE_QUEUED timestamp to a terminal phase,
     * across ALL attempts (user and system). One-time, absolute. If deadline
     * fires while an attempt is mid-flight, the attempt is reaped and the
     * action terminates as TIMED_OUT regardless of TaskMetadata.timeout or
     * remaining retry budget. Enforced by the leasor. 0 (or unset) means
     * unlimited.
     *
     * @generated from field: google.protobuf.Duration deadline = 2;
     */
    deadline?: Duration;
};
/**
 * Describes the message flyteidl2.core.TimeoutStrategy.
 * Use `create(TimeoutStrategySchema)` to create a new message.
 */
export declare const TimeoutStrategySchema: GenMessage<TimeoutStrategy>;
