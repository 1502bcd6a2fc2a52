import type { GenEnum, GenFile, GenMessage } from "@bufbuild/protobuf/codegenv1";
import type { Duration, Timestamp } from "@bufbuild/protobuf/wkt";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file flyteidl2/core/execution.proto.
 */
export declare const file_flyteidl2_core_execution: GenFile;
/**
 * Indicates various phases of Workflow Execution
 *
 * @generated from message flyteidl2.core.WorkflowExecution
 */
export type WorkflowExecution = Message<"flyteidl2.core.WorkflowExecution"> & {};
/**
 * Describes the message flyteidl2.core.WorkflowExecution.
 * Use `create(WorkflowExecutionSchema)` to create a new message.
 */
export declare const WorkflowExecutionSchema: GenMessage<WorkflowExecution>;
/**
 * @generated from enum flyteidl2.core.WorkflowExecution.Phase
 */
export declare enum WorkflowExecution_Phase {
    /**
     * @generated from enum value: UNDEFINED = 0;
     */
    UNDEFINED = 0,
    /**
     * @generated from enum value: QUEUED = 1;
     */
    QUEUED = 1,
    /**
     * @generated from enum value: RUNNING = 2;
     */
    RUNNING = 2,
    /**
     * @generated from enum value: SUCCEEDING = 3;
     */
    SUCCEEDING = 3,
    /**
     * @generated from enum value: SUCCEEDED = 4;
     */
    SUCCEEDED = 4,
    /**
     * @generated from enum value: FAILING = 5;
     */
    FAILING = 5,
    /**
     * @generated from enum value: FAILED = 6;
     */
    FAILED = 6,
    /**
     * @generated from enum value: ABORTED = 7;
     */
    ABORTED = 7,
    /**
     * @generated from enum value: TIMED_OUT = 8;
     */
    TIMED_OUT = 8,
    /**
     * @generated from enum value: ABORTING = 9;
     */
    ABORTING = 9
}
/**
 * Describes the enum flyteidl2.core.WorkflowExecution.Phase.
 */
export declare const WorkflowExecution_PhaseSchema: GenEnum<WorkflowExecution_Phase>;
/**
 * Indicates various phases of Node Execution that only include the time spent to run the nodes/workflows
 *
 * @generated from message flyteidl2.core.NodeExecution
 */
export type NodeExecution = Message<"flyteidl2.core.NodeExecution"> & {};
/**
 * Describes the message flyteidl2.core.NodeExecution.
 * Use `create(NodeExecutionSchema)` to create a new message.
 */
export declare const NodeExecutionSchema: GenMessage<NodeExecution>;
/**
 * @generated from enum flyteidl2.core.NodeExecution.Phase
 */
export declare enum NodeExecution_Phase {
    /**
     * @generated from enum value: UNDEFINED = 0;
     */
    UNDEFINED = 0,
    /**
     * @generated from enum value: QUEUED = 1;
     */
    QUEUED = 1,
    /**
     * @generated from enum value: RUNNING = 2;
     */
    RUNNING = 2,
    /**
     * @generated from enum value: SUCCEEDED = 3;
     */
    SUCCEEDED = 3,
    /**
     * @generated from enum value: FAILING = 4;
     */
    FAILING = 4,
    /**
     * @generated from enum value: FAILED = 5;
     */
    FAILED = 5,
    /**
     * @generated from enum value: ABORTED = 6;
     */
    ABORTED = 6,
    /**
     * @generated from enum value: SKIPPED = 7;
     */
    SKIPPED = 7,
    /**
     * @generated from enum value: TIMED_OUT = 8;
     */
    TIMED_OUT = 8,
    /**
     * @generated from enum value: DYNAMIC_RUNNING = 9;
     */
    DYNAMIC_RUNNING = 9,
    /**
     * @generated from enum value: RECOVERED = 10;
     */
    RECOVERED = 10
}
/**
 * Describes the enum flyteidl2.core.NodeExecution.Phase.
 */
export declare const NodeExecution_PhaseSchema: GenEnum<NodeExecution_Phase>;
/**
 * Phases that task plugins can go through. Not all phases may be applicable to a specific plugin task,
 * but this is the cumulative list that customers may want to know about for their task.
 *
 * @generated from message flyteidl2.core.TaskExecution
 */
export type TaskExecution = Message<"flyteidl2.core.TaskExecution"> & {};
/**
 * Describes the message flyteidl2.core.TaskExecution.
 * Use `create(TaskExecutionSchema)` to create a new message.
 */
export declare const TaskExecutionSchema: GenMessage<TaskExecution>;
/**
 * @generated from enum flyteidl2.core.TaskExecution.Phase
 */
export declare enum TaskExecution_Phase {
    /**
     * @generated from enum value: UNDEFINED = 0;
     */
    UNDEFINED = 0,
    /**
     * @generated from enum value: QUEUED = 1;
     */
    QUEUED = 1,
    /**
     * @generated from enum value: RUNNING = 2;
     */
    RUNNING = 2,
    /**
     * @generated from enum value: SUCCEEDED = 3;
     */
    SUCCEEDED = 3,
    /**
     * @generated from enum value: ABORTED = 4;
     */
    ABORTED = 4,
    /**
     * @generated from enum value: FAILED = 5;
     */
    FAILED = 5,
    /**
     * To indicate cases where task is initializing, like: ErrImagePull, ContainerCreating, PodInitializing
     *
     * @generated from enum value: INITIALIZING = 6;
     */
    INITIALIZING = 6,
    /**
     * To address cases, where underlying resource is not available: Backoff error, Resource quota exceeded
     *
     * @generated from enum value: WAITING_FOR_RESOURCES = 7;
     */
    WAITING_FOR_RESOURCES = 7,
    /**
     * @generated from enum value: RETRYABLE_FAILED = 8;
     */
    RETRYABLE_FAILED = 8
}
/**
 * Describes the enum flyteidl2.core.TaskExecution.Phase.
 */
export declare const TaskExecution_PhaseSchema: GenEnum<TaskExecution_Phase>;
/**
 * Represents the error message from the execution.
 *
 * @generated from message flyteidl2.core.ExecutionError
 */
export type ExecutionError = Message<"flyteidl2.core.ExecutionError"> & {
    /**
     * Error code indicates a grouping of a type of error.
     * More Info: <Link>
     *
     * @generated from field: string code = 1;
     */
    code: string;
    /**
     * Detailed description of the error - including stack trace.
     *
     * @generated from field: string message = 2;
     */
    message: string;
    /**
     * Full error contents accessible via a URI
     *
     * @generated from field: string error_uri = 3;
     */
    errorUri: string;
    /**
     * @generated from field: flyteidl2.core.ExecutionError.ErrorKind kind = 4;
     */
    kind: ExecutionError_ErrorKind;
    /**
     * Timestamp of the error
     *
     * @generated from field: google.protobuf.Timestamp timestamp = 5;
     */
    timestamp?: Timestamp;
    /**
     * Worker that generated the error
     *
     * @generated from field: string worker = 6;
     */
    worker: string;
    /**
     * Whether this failure consumed a user retry. Mirrors the value the
     * container reported via ContainerError.kind. Default is NON_RECOVERABLE
     * (proto3 zero), matching the ContainerError.Kind default — producers
     * (lease worker, leasor) must always set this explicitly when surfacing
     * a recoverable failure. The SDK error-marshaling path is the source of
     * truth: ordinary exceptions -> RECOVERABLE; flyte.errors.NonRecoverableError
     * -> NON_RECOVERABLE.
     *
     * @generated from field: flyteidl2.core.ContainerError.Kind recoverability = 7;
     */
    recoverability: ContainerError_Kind;
};
/**
 * Describes the message flyteidl2.core.ExecutionError.
 * Use `create(ExecutionErrorSchema)` to create a new message.
 */
export declare const ExecutionErrorSchema: GenMessage<ExecutionError>;
/**
 * Error type: System or User
 *
 * @generated from enum flyteidl2.core.ExecutionError.ErrorKind
 */
export declare enum ExecutionError_ErrorKind {
    /**
     * @generated from enum value: UNKNOWN = 0;
     */
    UNKNOWN = 0,
    /**
     * @generated from enum value: USER = 1;
     */
    USER = 1,
    /**
     * @generated from enum value: SYSTEM = 2;
     */
    SYSTEM = 2
}
/**
 * Describes the enum flyteidl2.core.ExecutionError.ErrorKind.
 */
export declare const ExecutionError_ErrorKindSchema: GenEnum<ExecutionError_ErrorKind>;
/**
 * Error message to propagate detailed errors from container executions to the
 * execution engine.
 *
 * @generated from message flyteidl2.core.ContainerError
 */
export type ContainerError = Message<"flyteidl2.core.ContainerError"> & {
    /**
     * A simplified code for errors, so that we can provide a glossary of all possible errors.
     *
     * @generated from field: string code = 1;
     */
    code: string;
    /**
     * A detailed error message.
     *
     * @generated from field: string message = 2;
     */
    message: string;
    /**
     * An abstract error kind for this error. Defaults to Non_Recoverable if not specified.
     *
     * @generated from field: flyteidl2.core.ContainerError.Kind kind = 3;
     */
    kind: ContainerError_Kind;
    /**
     * Defines the origin of the error (system, user, unknown).
     *
     * @generated from field: flyteidl2.core.ExecutionError.ErrorKind origin = 4;
     */
    origin: ExecutionError_ErrorKind;
};
/**
 * Describes the message flyteidl2.core.ContainerError.
 * Use `create(ContainerErrorSchema)` to create a new message.
 */
export declare const ContainerErrorSchema: GenMessage<ContainerError>;
/**
 * Defines a generic error type that dictates the behavior of the retry strategy.
 *
 * @generated from enum flyteidl2.core.ContainerError.Kind
 */
export declare enum ContainerError_Kind {
    /**
     * @generated from enum value: NON_RECOVERABLE = 0;
     */
    NON_RECOVERABLE = 0,
    /**
     * @generated from enum value: RECOVERABLE = 1;
     */
    RECOVERABLE = 1
}
/**
 * Describes the enum flyteidl2.core.ContainerError.Kind.
 */
export declare const ContainerError_KindSchema: GenEnum<ContainerError_Kind>;
/**
 * Defines the errors.pb file format the container can produce to communicate
 * failure reasons to the execution engine.
 *
 * @generated from message flyteidl2.core.ErrorDocument
 */
export type ErrorDocument = Message<"flyteidl2.core.ErrorDocument"> & {
    /**
     * The error raised during execution.
     *
     * @generated from field: flyteidl2.core.ContainerError error = 1;
     */
    error?: ContainerError;
};
/**
 * Describes the message flyteidl2.core.ErrorDocument.
 * Use `create(ErrorDocumentSchema)` to create a new message.
 */
export declare const ErrorDocumentSchema: GenMessage<ErrorDocument>;
/**
 * Log information for the task that is specific to a log sink
 * When our log story is flushed out, we may have more metadata here like log link expiry
 *
 * @generated from message flyteidl2.core.TaskLog
 */
export type TaskLog = Message<"flyteidl2.core.TaskLog"> & {
    /**
     * @generated from field: string uri = 1;
     */
    uri: string;
    /**
     * @generated from field: string name = 2;
     */
    name: string;
    /**
     * @generated from field: flyteidl2.core.TaskLog.MessageFormat message_format = 3;
     */
    messageFormat: TaskLog_MessageFormat;
    /**
     * @generated from field: google.protobuf.Duration ttl = 4;
     */
    ttl?: Duration;
    /**
     * @generated from field: bool ShowWhilePending = 5;
     */
    ShowWhilePending: boolean;
    /**
     * @generated from field: bool HideOnceFinished = 6;
     */
    HideOnceFinished: boolean;
    /**
     * @generated from field: flyteidl2.core.TaskLog.LinkType link_type = 7;
     */
    linkType: TaskLog_LinkType;
    /**
     * @generated from field: bool ready = 8;
     */
    ready: boolean;
    /**
     * @generated from field: string icon_uri = 9;
     */
    iconUri: string;
};
/**
 * Describes the message flyteidl2.core.TaskLog.
 * Use `create(TaskLogSchema)` to create a new message.
 */
export declare const TaskLogSchema: GenMessage<TaskLog>;
/**
 * @generated from enum flyteidl2.core.TaskLog.MessageFormat
 */
export declare enum TaskLog_MessageFormat {
    /**
     * @generated from enum value: UNKNOWN = 0;
     */
    UNKNOWN = 0,
    /**
     * @generated from enum value: CSV = 1;
     */
    CSV = 1,
    /**
     * @generated from enum value: JSON = 2;
     */
    JSON = 2
}
/**
 * Describes the enum flyteidl2.core.TaskLog.MessageFormat.
 */
export declare const TaskLog_MessageFormatSchema: GenEnum<TaskLog_MessageFormat>;
/**
 * @generated from enum flyteidl2.core.TaskLog.LinkType
 */
export declare enum TaskLog_LinkType {
    /**
     * The link for task log. For example, the aws cloudwatch logs, gcp stackdriver logs, etc.
     *
     * @generated from enum value: EXTERNAL = 0;
     */
    EXTERNAL = 0,
    /**
     * The link for spark UI, ray dashboard, etc.
     *
     * @generated from enum value: DASHBOARD = 1;
     */
    DASHBOARD = 1,
    /**
     * The link for vscode or other IDEs.
     *
     * @generated from enum value: IDE = 2;
     */
    IDE = 2
}
/**
 * Describes the enum flyteidl2.core.TaskLog.LinkType.
 */
export declare const TaskLog_LinkTypeSchema: GenEnum<TaskLog_LinkType>;
/**
 * Contains metadata required to identify logs produces by a set of pods
 *
 * @generated from message flyteidl2.core.LogContext
 */
export type LogContext = Message<"flyteidl2.core.LogContext"> & {
    /**
     * @generated from field: repeated flyteidl2.core.PodLogContext pods = 1;
     */
    pods: PodLogContext[];
    /**
     * @generated from field: string primary_pod_name = 2;
     */
    primaryPodName: string;
    /**
     * @generated from field: flyteidl2.core.ConnectorLogContext connector = 3;
     */
    connector?: ConnectorLogContext;
};
/**
 * Describes the message flyteidl2.core.LogContext.
 * Use `create(LogContextSchema)` to create a new message.
 */
export declare const LogContextSchema: GenMessage<LogContext>;
/**
 * ConnectorLogContext describes how to reach a connector that owns an action's logs.
 *
 * @generated from message flyteidl2.core.ConnectorLogContext
 */
export type ConnectorLogContext = Message<"flyteidl2.core.ConnectorLogContext"> & {
    /**
     * gRPC endpoint of the connector deployment (e.g.
     * "batch-job-connector.flytesnacks-development.svc.cluster.local:80").
     *
     * @generated from field: string endpoint = 1;
     */
    endpoint: string;
};
/**
 * Describes the message flyteidl2.core.ConnectorLogContext.
 * Use `create(ConnectorLogContextSchema)` to create a new message.
 */
export declare const ConnectorLogContextSchema: GenMessage<ConnectorLogContext>;
/**
 * Contains metadata required to identify logs produces by a single pod
 *
 * @generated from message flyteidl2.core.PodLogContext
 */
export type PodLogContext = Message<"flyteidl2.core.PodLogContext"> & {
    /**
     * @generated from field: string namespace = 1;
     */
    namespace: string;
    /**
     * @generated from field: string pod_name = 2;
     */
    podName: string;
    /**
     * @generated from field: repeated flyteidl2.core.ContainerContext containers = 3;
     */
    containers: ContainerContext[];
    /**
     * @generated from field: string primary_container_name = 4;
     */
    primaryContainerName: string;
    /**
     * @generated from field: repeated flyteidl2.core.ContainerContext init_containers = 5;
     */
    initContainers: ContainerContext[];
};
/**
 * Describes the message flyteidl2.core.PodLogContext.
 * Use `create(PodLogContextSchema)` to create a new message.
 */
export declare const PodLogContextSchema: GenMessage<PodLogContext>;
/**
 * Contains metadata required to identify logs produces by a single container
 *
 * @generated from message flyteidl2.core.ContainerContext
 */
export type ContainerContext = Message<"flyteidl2.core.ContainerContext"> & {
    /**
     * @generated from field: string container_name = 1;
     */
    containerName: string;
    /**
     * @generated from field: flyteidl2.core.ContainerContext.ProcessContext process = 2;
     */
    process?: ContainerContext_ProcessContext;
};
/**
 * Describes the message flyteidl2.core.ContainerContext.
 * Use `create(ContainerContextSchema)` to create a new message.
 */
export declare const ContainerContextSchema: GenMessage<ContainerContext>;
/**
 * Contains metadata required to identify logs produces by a single light-weight process that was run inside a container
 *
 * @generated from message flyteidl2.core.ContainerContext.ProcessContext
 */
export type ContainerContext_ProcessContext = Message<"flyteidl2.core.ContainerContext.ProcessContext"> & {
    /**
     * @generated from field: google.protobuf.Timestamp container_start_time = 1;
     */
    containerStartTime?: Timestamp;
    /**
     * @generated from field: google.protobuf.Timestamp container_end_time = 2;
     */
    containerEndTime?: Timestamp;
};
/**
 * Describes the message flyteidl2.core.ContainerContext.ProcessContext.
 * Use `create(ContainerContext_ProcessContextSchema)` to create a new message.
 */
export declare const ContainerContext_ProcessContextSchema: GenMessage<ContainerContext_ProcessContext>;
/**
 * Represents customized execution run-time attributes.
 *
 * @generated from message flyteidl2.core.QualityOfServiceSpec
 */
export type QualityOfServiceSpec = Message<"flyteidl2.core.QualityOfServiceSpec"> & {
    /**
     * Indicates how much queueing delay an execution can tolerate.
     *
     * @generated from field: google.protobuf.Duration queueing_budget = 1;
     */
    queueingBudget?: Duration;
};
/**
 * Describes the message flyteidl2.core.QualityOfServiceSpec.
 * Use `create(QualityOfServiceSpecSchema)` to create a new message.
 */
export declare const QualityOfServiceSpecSchema: GenMessage<QualityOfServiceSpec>;
/**
 * Indicates the priority of an execution.
 *
 * @generated from message flyteidl2.core.QualityOfService
 */
export type QualityOfService = Message<"flyteidl2.core.QualityOfService"> & {
    /**
     * @generated from oneof flyteidl2.core.QualityOfService.designation
     */
    designation: {
        /**
         * @generated from field: flyteidl2.core.QualityOfService.Tier tier = 1;
         */
        value: QualityOfService_Tier;
        case: "tier";
    } | {
        /**
         * @generated from field: flyteidl2.core.QualityOfServiceSpec spec = 2;
         */
        value: QualityOfServiceSpec;
        case: "spec";
    } | {
        case: undefined;
        value?: undefined;
    };
};
/**
 * Describes the message flyteidl2.core.QualityOfService.
 * Use `create(QualityOfServiceSchema)` to create a new message.
 */
export declare const QualityOfServiceSchema: GenMessage<QualityOfService>;
/**
 * @generated from enum flyteidl2.core.QualityOfService.Tier
 */
export declare enum QualityOfService_Tier {
    /**
     * Default: no quality of service specified.
     *
     * @generated from enum value: UNDEFINED = 0;
     */
    UNDEFINED = 0,
    /**
     * @generated from enum value: HIGH = 1;
     */
    HIGH = 1,
    /**
     * @generated from enum value: MEDIUM = 2;
     */
    MEDIUM = 2,
    /**
     * @generated from enum value: LOW = 3;
     */
    LOW = 3
}
/**
 * Describes the enum flyteidl2.core.QualityOfService.Tier.
 */
export declare const QualityOfService_TierSchema: GenEnum<QualityOfService_Tier>;
