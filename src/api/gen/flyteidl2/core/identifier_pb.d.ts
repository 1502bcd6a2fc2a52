import type { GenEnum, GenFile, GenMessage } from "@bufbuild/protobuf/codegenv1";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file flyteidl2/core/identifier.proto.
 */
export declare const file_flyteidl2_core_identifier: GenFile;
/**
 * Encapsulation of fields that uniquely identifies a Flyte resource.
 *
 * @generated from message flyteidl2.core.Identifier
 */
export type Identifier = Message<"flyteidl2.core.Identifier"> & {
    /**
     * Identifies the specific type of resource that this identifier corresponds to.
     *
     * @generated from field: flyteidl2.core.ResourceType resource_type = 1;
     */
    resourceType: ResourceType;
    /**
     * Name of the project the resource belongs to.
     *
     * @generated from field: string project = 2;
     */
    project: string;
    /**
     * Name of the domain the resource belongs to.
     * A domain can be considered as a subset within a specific project.
     *
     * @generated from field: string domain = 3;
     */
    domain: string;
    /**
     * User provided value for the resource.
     *
     * @generated from field: string name = 4;
     */
    name: string;
    /**
     * Specific version of the resource.
     *
     * @generated from field: string version = 5;
     */
    version: string;
    /**
     * Optional, org key applied to the resource.
     *
     * @generated from field: string org = 6;
     */
    org: string;
};
/**
 * Describes the message flyteidl2.core.Identifier.
 * Use `create(IdentifierSchema)` to create a new message.
 */
export declare const IdentifierSchema: GenMessage<Identifier>;
/**
 * Encapsulation of fields that uniquely identifies a Flyte workflow execution
 *
 * @generated from message flyteidl2.core.WorkflowExecutionIdentifier
 */
export type WorkflowExecutionIdentifier = Message<"flyteidl2.core.WorkflowExecutionIdentifier"> & {
    /**
     * Name of the project the resource belongs to.
     *
     * @generated from field: string project = 1;
     */
    project: string;
    /**
     * Name of the domain the resource belongs to.
     * A domain can be considered as a subset within a specific project.
     *
     * @generated from field: string domain = 2;
     */
    domain: string;
    /**
     * User or system provided value for the resource.
     *
     * @generated from field: string name = 4;
     */
    name: string;
    /**
     * Optional, org key applied to the resource.
     *
     * @generated from field: string org = 5;
     */
    org: string;
};
/**
 * Describes the message flyteidl2.core.WorkflowExecutionIdentifier.
 * Use `create(WorkflowExecutionIdentifierSchema)` to create a new message.
 */
export declare const WorkflowExecutionIdentifierSchema: GenMessage<WorkflowExecutionIdentifier>;
/**
 * Encapsulation of fields that identify a Flyte node execution entity.
 *
 * @generated from message flyteidl2.core.NodeExecutionIdentifier
 */
export type NodeExecutionIdentifier = Message<"flyteidl2.core.NodeExecutionIdentifier"> & {
    /**
     * @generated from field: string node_id = 1;
     */
    nodeId: string;
    /**
     * @generated from field: flyteidl2.core.WorkflowExecutionIdentifier execution_id = 2;
     */
    executionId?: WorkflowExecutionIdentifier;
};
/**
 * Describes the message flyteidl2.core.NodeExecutionIdentifier.
 * Use `create(NodeExecutionIdentifierSchema)` to create a new message.
 */
export declare const NodeExecutionIdentifierSchema: GenMessage<NodeExecutionIdentifier>;
/**
 * Encapsulation of fields that identify a Flyte task execution entity.
 *
 * @generated from message flyteidl2.core.TaskExecutionIdentifier
 */
export type TaskExecutionIdentifier = Message<"flyteidl2.core.TaskExecutionIdentifier"> & {
    /**
     * @generated from field: flyteidl2.core.Identifier task_id = 1;
     */
    taskId?: Identifier;
    /**
     * @generated from field: flyteidl2.core.NodeExecutionIdentifier node_execution_id = 2;
     */
    nodeExecutionId?: NodeExecutionIdentifier;
    /**
     * @generated from field: uint32 retry_attempt = 3;
     */
    retryAttempt: number;
};
/**
 * Describes the message flyteidl2.core.TaskExecutionIdentifier.
 * Use `create(TaskExecutionIdentifierSchema)` to create a new message.
 */
export declare const TaskExecutionIdentifierSchema: GenMessage<TaskExecutionIdentifier>;
/**
 * Encapsulation of fields the uniquely identify a signal.
 *
 * @generated from message flyteidl2.core.SignalIdentifier
 */
export type SignalIdentifier = Message<"flyteidl2.core.SignalIdentifier"> & {
    /**
     * Unique identifier for a signal.
     *
     * @generated from field: string signal_id = 1;
     */
    signalId: string;
    /**
     * Identifies the Flyte workflow execution this signal belongs to.
     *
     * @generated from field: flyteidl2.core.WorkflowExecutionIdentifier execution_id = 2;
     */
    executionId?: WorkflowExecutionIdentifier;
};
/**
 * Describes the message flyteidl2.core.SignalIdentifier.
 * Use `create(SignalIdentifierSchema)` to create a new message.
 */
export declare const SignalIdentifierSchema: GenMessage<SignalIdentifier>;
/**
 * Indicates a resource type within Flyte.
 *
 * @generated from enum flyteidl2.core.ResourceType
 */
export declare enum ResourceType {
    /**
     * @generated from enum value: UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * @generated from enum value: TASK = 1;
     */
    TASK = 1,
    /**
     * @generated from enum value: WORKFLOW = 2;
     */
    WORKFLOW = 2,
    /**
     * @generated from enum value: LAUNCH_PLAN = 3;
     */
    LAUNCH_PLAN = 3,
    /**
     * A dataset represents an entity modeled in Flyte DataCatalog. A Dataset is also a versioned entity and can be a compilation of multiple individual objects.
     * Eventually all Catalog objects should be modeled similar to Flyte Objects. The Dataset entities makes it possible for the UI  and CLI to act on the objects
     * in a similar manner to other Flyte objects
     *
     * @generated from enum value: DATASET = 4;
     */
    DATASET = 4
}
/**
 * Describes the enum flyteidl2.core.ResourceType.
 */
export declare const ResourceTypeSchema: GenEnum<ResourceType>;
