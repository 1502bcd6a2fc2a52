import type { GenFile, GenMessage } from "@bufbuild/protobuf/codegenv1";
import type { RunIdentifier } from "../common/identifier_pb.ts";
import type { EnrichedIdentity } from "../common/identity_pb.ts";
import type { ActionPhase } from "../common/phase_pb.ts";
import type { TypedInterface } from "../core/interface_pb.ts";
import type { TaskTemplate } from "../core/tasks_pb.ts";
import type { Inputs, NamedParameter, TriggerAutomationSpec } from "./common_pb.ts";
import type { Environment } from "./environment_pb.ts";
import type { RunSpec } from "./run_pb.ts";
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file flyteidl2/task/task_definition.proto.
 */
export declare const file_flyteidl2_task_task_definition: GenFile;
/**
 * Name of a task. It may have multiple versions deployed.
 *
 * @generated from message flyteidl2.task.TaskName
 */
export type TaskName = Message<"flyteidl2.task.TaskName"> & {
    /**
     * Org this task belongs to.
     *
     * @generated from field: string org = 1;
     */
    org: string;
    /**
     * Project this task belongs to.
     *
     * @generated from field: string project = 2;
     */
    project: string;
    /**
     * Domain this task belongs to.
     *
     * @generated from field: string domain = 3;
     */
    domain: string;
    /**
     * Unique name of the task. Should not be interpreted/parsed. Use `short_name` and `environment_name` for user facing names.
     *
     * @generated from field: string name = 4;
     */
    name: string;
};
/**
 * Describes the message flyteidl2.task.TaskName.
 * Use `create(TaskNameSchema)` to create a new message.
 */
export declare const TaskNameSchema: GenMessage<TaskName>;
/**
 * TaskIdentifier is the unique identifier for a task.
 *
 * @generated from message flyteidl2.task.TaskIdentifier
 */
export type TaskIdentifier = Message<"flyteidl2.task.TaskIdentifier"> & {
    /**
     * Org this task belongs to.
     *
     * @generated from field: string org = 1;
     */
    org: string;
    /**
     * Project this task belongs to.
     *
     * @generated from field: string project = 2;
     */
    project: string;
    /**
     * Domain this task belongs to.
     *
     * @generated from field: string domain = 3;
     */
    domain: string;
    /**
     * Unique name of the task. Should not be interpreted/parsed. Use `short_name` and `environment_name` for user facing names.
     *
     * @generated from field: string name = 4;
     */
    name: string;
    /**
     * Version of the task.
     *
     * @generated from field: string version = 5;
     */
    version: string;
};
/**
 * Describes the message flyteidl2.task.TaskIdentifier.
 * Use `create(TaskIdentifierSchema)` to create a new message.
 */
export declare const TaskIdentifierSchema: GenMessage<TaskIdentifier>;
/**
 * @generated from message flyteidl2.task.TaskTriggersSummary
 */
export type TaskTriggersSummary = Message<"flyteidl2.task.TaskTriggersSummary"> & {
    /**
     * @generated from oneof flyteidl2.task.TaskTriggersSummary.summary
     */
    summary: {
        /**
         * @generated from field: flyteidl2.task.TaskTriggersSummary.TriggerDetails details = 3;
         */
        value: TaskTriggersSummary_TriggerDetails;
        case: "details";
    } | {
        /**
         * @generated from field: flyteidl2.task.TaskTriggersSummary.TriggerStats stats = 2;
         */
        value: TaskTriggersSummary_TriggerStats;
        case: "stats";
    } | {
        case: undefined;
        value?: undefined;
    };
};
/**
 * Describes the message flyteidl2.task.TaskTriggersSummary.
 * Use `create(TaskTriggersSummarySchema)` to create a new message.
 */
export declare const TaskTriggersSummarySchema: GenMessage<TaskTriggersSummary>;
/**
 * @generated from message flyteidl2.task.TaskTriggersSummary.TriggerDetails
 */
export type TaskTriggersSummary_TriggerDetails = Message<"flyteidl2.task.TaskTriggersSummary.TriggerDetails"> & {
    /**
     * @generated from field: string name = 1;
     */
    name: string;
    /**
     * @generated from field: bool active = 2;
     */
    active: boolean;
    /**
     * @generated from field: flyteidl2.task.TriggerAutomationSpec automation_spec = 3;
     */
    automationSpec?: TriggerAutomationSpec;
};
/**
 * Describes the message flyteidl2.task.TaskTriggersSummary.TriggerDetails.
 * Use `create(TaskTriggersSummary_TriggerDetailsSchema)` to create a new message.
 */
export declare const TaskTriggersSummary_TriggerDetailsSchema: GenMessage<TaskTriggersSummary_TriggerDetails>;
/**
 * @generated from message flyteidl2.task.TaskTriggersSummary.TriggerStats
 */
export type TaskTriggersSummary_TriggerStats = Message<"flyteidl2.task.TaskTriggersSummary.TriggerStats"> & {
    /**
     * @generated from field: uint32 total = 1;
     */
    total: number;
    /**
     * @generated from field: uint32 active = 2;
     */
    active: number;
};
/**
 * Describes the message flyteidl2.task.TaskTriggersSummary.TriggerStats.
 * Use `create(TaskTriggersSummary_TriggerStatsSchema)` to create a new message.
 */
export declare const TaskTriggersSummary_TriggerStatsSchema: GenMessage<TaskTriggersSummary_TriggerStats>;
/**
 * LatestRunSummary contains minimal information about the most recent run of a task.
 * This is a lightweight summary that avoids circular dependencies with workflow package.
 *
 * @generated from message flyteidl2.task.LatestRunSummary
 */
export type LatestRunSummary = Message<"flyteidl2.task.LatestRunSummary"> & {
    /**
     * Run identifier
     *
     * @generated from field: flyteidl2.common.RunIdentifier run_id = 1;
     */
    runId?: RunIdentifier;
    /**
     * Last run time
     *
     * @generated from field: google.protobuf.Timestamp run_time = 2;
     */
    runTime?: Timestamp;
    /**
     * Phase of the last run
     *
     * @generated from field: flyteidl2.common.ActionPhase phase = 3;
     */
    phase: ActionPhase;
    /**
     * Name of the root task of the last run (env.task name)
     *
     * @generated from field: string root_task_name = 4;
     */
    rootTaskName: string;
};
/**
 * Describes the message flyteidl2.task.LatestRunSummary.
 * Use `create(LatestRunSummarySchema)` to create a new message.
 */
export declare const LatestRunSummarySchema: GenMessage<LatestRunSummary>;
/**
 * TaskMetadata is static, lightweight metadata about a task.
 *
 * @generated from message flyteidl2.task.TaskMetadata
 */
export type TaskMetadata = Message<"flyteidl2.task.TaskMetadata"> & {
    /**
     * Identity that deployed the task.
     *
     * @generated from field: flyteidl2.common.EnrichedIdentity deployed_by = 1;
     */
    deployedBy?: EnrichedIdentity;
    /**
     * The short name for this task
     *
     * @generated from field: string short_name = 2;
     */
    shortName: string;
    /**
     * The time the task was deployed
     *
     * @generated from field: google.protobuf.Timestamp deployed_at = 3;
     */
    deployedAt?: Timestamp;
    /**
     * The environment name for this task, if present.
     *
     * @generated from field: string environment_name = 4;
     */
    environmentName: string;
    /**
     * Brief overview of attached triggers if any.
     *
     * @generated from field: flyteidl2.task.TaskTriggersSummary triggers_summary = 5;
     */
    triggersSummary?: TaskTriggersSummary;
    /**
     * The short description for this task
     *
     * @generated from field: string short_description = 6;
     */
    shortDescription: string;
};
/**
 * Describes the message flyteidl2.task.TaskMetadata.
 * Use `create(TaskMetadataSchema)` to create a new message.
 */
export declare const TaskMetadataSchema: GenMessage<TaskMetadata>;
/**
 * @generated from message flyteidl2.task.TaskSummary
 */
export type TaskSummary = Message<"flyteidl2.task.TaskSummary"> & {
    /**
     * Summary of the latest run for this task, if any
     *
     * @generated from field: optional flyteidl2.task.LatestRunSummary latest_run = 1;
     */
    latestRun?: LatestRunSummary;
};
/**
 * Describes the message flyteidl2.task.TaskSummary.
 * Use `create(TaskSummarySchema)` to create a new message.
 */
export declare const TaskSummarySchema: GenMessage<TaskSummary>;
/**
 * Lightweight representation of a task.
 *
 * @generated from message flyteidl2.task.Task
 */
export type Task = Message<"flyteidl2.task.Task"> & {
    /**
     * Id for this task.
     *
     * @generated from field: flyteidl2.task.TaskIdentifier task_id = 1;
     */
    taskId?: TaskIdentifier;
    /**
     * Metadata for this task.
     *
     * @generated from field: flyteidl2.task.TaskMetadata metadata = 2;
     */
    metadata?: TaskMetadata;
    /**
     * Summary for this task.
     *
     * @generated from field: optional flyteidl2.task.TaskSummary task_summary = 3;
     */
    taskSummary?: TaskSummary;
};
/**
 * Describes the message flyteidl2.task.Task.
 * Use `create(TaskSchema)` to create a new message.
 */
export declare const TaskSchema: GenMessage<Task>;
/**
 * Link to source code used to define this entity
 *
 * @generated from message flyteidl2.task.SourceCode
 */
export type SourceCode = Message<"flyteidl2.task.SourceCode"> & {
    /**
     * @generated from field: string link = 1;
     */
    link: string;
};
/**
 * Describes the message flyteidl2.task.SourceCode.
 * Use `create(SourceCodeSchema)` to create a new message.
 */
export declare const SourceCodeSchema: GenMessage<SourceCode>;
/**
 * @generated from message flyteidl2.task.DocumentationEntity
 */
export type DocumentationEntity = Message<"flyteidl2.task.DocumentationEntity"> & {
    /**
     * One-liner overview of the entity.
     *
     * @generated from field: string short_description = 1;
     */
    shortDescription: string;
    /**
     * Full user description with formatting preserved.
     *
     * @generated from field: string long_description = 2;
     */
    longDescription: string;
    /**
     * Optional link to source code used to define this entity.
     *
     * @generated from field: flyteidl2.task.SourceCode source_code = 3;
     */
    sourceCode?: SourceCode;
};
/**
 * Describes the message flyteidl2.task.DocumentationEntity.
 * Use `create(DocumentationEntitySchema)` to create a new message.
 */
export declare const DocumentationEntitySchema: GenMessage<DocumentationEntity>;
/**
 * Specification for a task.
 *
 * @generated from message flyteidl2.task.TaskSpec
 */
export type TaskSpec = Message<"flyteidl2.task.TaskSpec"> & {
    /**
     * The template for this task.
     *
     * @generated from field: flyteidl2.core.TaskTemplate task_template = 1;
     */
    taskTemplate?: TaskTemplate;
    /**
     * Ordered default inputs.
     * These can be overridden when an run is created.
     * Client should not send required=true flag in underlying flyteidl2.core.Parameter.
     *
     * @generated from field: repeated flyteidl2.task.NamedParameter default_inputs = 2;
     */
    defaultInputs: NamedParameter[];
    /**
     * User facing display name for this task. Not required to be unique.
     * This is passed in via the SDK when the task is created and is either a user defined override or the name of the task.
     *
     * @generated from field: string short_name = 3;
     */
    shortName: string;
    /**
     * Optional environment for this task. Note, some tasks may not be run in the context of an environment.
     *
     * @generated from field: flyteidl2.task.Environment environment = 4;
     */
    environment?: Environment;
    /**
     * The documentation entity for the task
     *
     * @generated from field: flyteidl2.task.DocumentationEntity documentation = 5;
     */
    documentation?: DocumentationEntity;
};
/**
 * Describes the message flyteidl2.task.TaskSpec.
 * Use `create(TaskSpecSchema)` to create a new message.
 */
export declare const TaskSpecSchema: GenMessage<TaskSpec>;
/**
 * Specification for a trace action.
 *
 * @generated from message flyteidl2.task.TraceSpec
 */
export type TraceSpec = Message<"flyteidl2.task.TraceSpec"> & {
    /**
     * A strongly typed interface for the trace.
     *
     * @generated from field: flyteidl2.core.TypedInterface interface = 1;
     */
    interface?: TypedInterface;
};
/**
 * Describes the message flyteidl2.task.TraceSpec.
 * Use `create(TraceSpecSchema)` to create a new message.
 */
export declare const TraceSpecSchema: GenMessage<TraceSpec>;
/**
 * Detailed information about a task.
 *
 * @generated from message flyteidl2.task.TaskDetails
 */
export type TaskDetails = Message<"flyteidl2.task.TaskDetails"> & {
    /**
     * Id for this task.
     *
     * @generated from field: flyteidl2.task.TaskIdentifier task_id = 1;
     */
    taskId?: TaskIdentifier;
    /**
     * Metadata for this task.
     *
     * @generated from field: flyteidl2.task.TaskMetadata metadata = 2;
     */
    metadata?: TaskMetadata;
    /**
     * Specification for this task.
     *
     * @generated from field: flyteidl2.task.TaskSpec spec = 3;
     */
    spec?: TaskSpec;
};
/**
 * Describes the message flyteidl2.task.TaskDetails.
 * Use `create(TaskDetailsSchema)` to create a new message.
 */
export declare const TaskDetailsSchema: GenMessage<TaskDetails>;
/**
 * Contains details about a single trigger attached to a task. Should only be used in DeployTask endpoint.
 *
 * @generated from message flyteidl2.task.TaskTrigger
 */
export type TaskTrigger = Message<"flyteidl2.task.TaskTrigger"> & {
    /**
     * @generated from field: string name = 1;
     */
    name: string;
    /**
     * @generated from field: flyteidl2.task.TaskTriggerSpec spec = 2;
     */
    spec?: TaskTriggerSpec;
    /**
     * Optional automation spec.
     *
     * @generated from field: flyteidl2.task.TriggerAutomationSpec automation_spec = 3;
     */
    automationSpec?: TriggerAutomationSpec;
};
/**
 * Describes the message flyteidl2.task.TaskTrigger.
 * Use `create(TaskTriggerSchema)` to create a new message.
 */
export declare const TaskTriggerSchema: GenMessage<TaskTrigger>;
/**
 * TaskTriggerSpec this is a copy of TriggerSpec without mandatory 'task_version' field.
 * This is supposed to be used only in DeployTask endpoint where 'task_version' is already provided in task_id.
 *
 * @generated from message flyteidl2.task.TaskTriggerSpec
 */
export type TaskTriggerSpec = Message<"flyteidl2.task.TaskTriggerSpec"> & {
    /**
     * Whether trigger is active
     *
     * @generated from field: bool active = 1;
     */
    active: boolean;
    /**
     * Inputs for triggered task.
     *
     * @generated from field: flyteidl2.task.Inputs inputs = 2;
     */
    inputs?: Inputs;
    /**
     * The run spec for triggered task.
     *
     * @generated from field: flyteidl2.task.RunSpec run_spec = 3;
     */
    runSpec?: RunSpec;
    /**
     *  Optional description
     *
     * @generated from field: string description = 4;
     */
    description: string;
};
/**
 * Describes the message flyteidl2.task.TaskTriggerSpec.
 * Use `create(TaskTriggerSpecSchema)` to create a new message.
 */
export declare const TaskTriggerSpecSchema: GenMessage<TaskTriggerSpec>;
