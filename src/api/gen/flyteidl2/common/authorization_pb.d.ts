import type { GenEnum, GenFile, GenMessage } from "@bufbuild/protobuf/codegenv1";
import type { ClusterIdentifier } from "./identifier_pb.ts";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file flyteidl2/common/authorization.proto.
 */
export declare const file_flyteidl2_common_authorization: GenFile;
/**
 * @generated from message flyteidl2.common.Organization
 */
export type Organization = Message<"flyteidl2.common.Organization"> & {
    /**
     * @generated from field: string name = 1;
     */
    name: string;
};
/**
 * Describes the message flyteidl2.common.Organization.
 * Use `create(OrganizationSchema)` to create a new message.
 */
export declare const OrganizationSchema: GenMessage<Organization>;
/**
 * @generated from message flyteidl2.common.Domain
 */
export type Domain = Message<"flyteidl2.common.Domain"> & {
    /**
     * @generated from field: string name = 1;
     */
    name: string;
    /**
     * @generated from field: flyteidl2.common.Organization organization = 2;
     */
    organization?: Organization;
};
/**
 * Describes the message flyteidl2.common.Domain.
 * Use `create(DomainSchema)` to create a new message.
 */
export declare const DomainSchema: GenMessage<Domain>;
/**
 * @generated from message flyteidl2.common.Project
 */
export type Project = Message<"flyteidl2.common.Project"> & {
    /**
     * @generated from field: string name = 1;
     */
    name: string;
    /**
     * @generated from field: flyteidl2.common.Domain domain = 2;
     */
    domain?: Domain;
};
/**
 * Describes the message flyteidl2.common.Project.
 * Use `create(ProjectSchema)` to create a new message.
 */
export declare const ProjectSchema: GenMessage<Project>;
/**
 * @generated from message flyteidl2.common.Workflow
 */
export type Workflow = Message<"flyteidl2.common.Workflow"> & {
    /**
     * @generated from field: string name = 1;
     */
    name: string;
    /**
     * @generated from field: flyteidl2.common.Project project = 2;
     */
    project?: Project;
};
/**
 * Describes the message flyteidl2.common.Workflow.
 * Use `create(WorkflowSchema)` to create a new message.
 */
export declare const WorkflowSchema: GenMessage<Workflow>;
/**
 * @generated from message flyteidl2.common.LaunchPlan
 */
export type LaunchPlan = Message<"flyteidl2.common.LaunchPlan"> & {
    /**
     * @generated from field: string name = 1;
     */
    name: string;
    /**
     * @generated from field: flyteidl2.common.Project project = 2;
     */
    project?: Project;
};
/**
 * Describes the message flyteidl2.common.LaunchPlan.
 * Use `create(LaunchPlanSchema)` to create a new message.
 */
export declare const LaunchPlanSchema: GenMessage<LaunchPlan>;
/**
 * @generated from message flyteidl2.common.Resource
 */
export type Resource = Message<"flyteidl2.common.Resource"> & {
    /**
     * @generated from oneof flyteidl2.common.Resource.resource
     */
    resource: {
        /**
         * @generated from field: flyteidl2.common.Organization organization = 1;
         */
        value: Organization;
        case: "organization";
    } | {
        /**
         * @generated from field: flyteidl2.common.Domain domain = 2;
         */
        value: Domain;
        case: "domain";
    } | {
        /**
         * @generated from field: flyteidl2.common.Project project = 3;
         */
        value: Project;
        case: "project";
    } | {
        /**
         * @generated from field: flyteidl2.common.Workflow workflow = 4;
         */
        value: Workflow;
        case: "workflow";
    } | {
        /**
         * @generated from field: flyteidl2.common.LaunchPlan launch_plan = 5;
         */
        value: LaunchPlan;
        case: "launchPlan";
    } | {
        /**
         * @generated from field: flyteidl2.common.ClusterIdentifier cluster = 6;
         */
        value: ClusterIdentifier;
        case: "cluster";
    } | {
        case: undefined;
        value?: undefined;
    };
};
/**
 * Describes the message flyteidl2.common.Resource.
 * Use `create(ResourceSchema)` to create a new message.
 */
export declare const ResourceSchema: GenMessage<Resource>;
/**
 * Defines a set of allowed actions on a specific authorization resource.
 *
 * @generated from message flyteidl2.common.Permission
 */
export type Permission = Message<"flyteidl2.common.Permission"> & {
    /**
     * @generated from field: flyteidl2.common.Resource resource = 1;
     */
    resource?: Resource;
    /**
     * @generated from field: repeated flyteidl2.common.Action actions = 2;
     */
    actions: Action[];
};
/**
 * Describes the message flyteidl2.common.Permission.
 * Use `create(PermissionSchema)` to create a new message.
 */
export declare const PermissionSchema: GenMessage<Permission>;
/**
 * @generated from enum flyteidl2.common.Action
 */
export declare enum Action {
    /**
     * @generated from enum value: ACTION_NONE = 0;
     */
    NONE = 0,
    /**
     * @generated from enum value: ACTION_CREATE = 1 [deprecated = true];
     * @deprecated
     */
    CREATE = 1,
    /**
     * @generated from enum value: ACTION_READ = 2 [deprecated = true];
     * @deprecated
     */
    READ = 2,
    /**
     * @generated from enum value: ACTION_UPDATE = 3 [deprecated = true];
     * @deprecated
     */
    UPDATE = 3,
    /**
     * @generated from enum value: ACTION_DELETE = 4 [deprecated = true];
     * @deprecated
     */
    DELETE = 4,
    /**
     * Read Flyte workflows, tasks and launch plans
     *
     * @generated from enum value: ACTION_VIEW_FLYTE_INVENTORY = 5;
     */
    VIEW_FLYTE_INVENTORY = 5,
    /**
     * View Flyte executions
     *
     * @generated from enum value: ACTION_VIEW_FLYTE_EXECUTIONS = 6;
     */
    VIEW_FLYTE_EXECUTIONS = 6,
    /**
     * Register new versions of Flyte workflows, tasks and launch plans
     *
     * @generated from enum value: ACTION_REGISTER_FLYTE_INVENTORY = 7;
     */
    REGISTER_FLYTE_INVENTORY = 7,
    /**
     * Create new Flyte workflow and task executions
     *
     * @generated from enum value: ACTION_CREATE_FLYTE_EXECUTIONS = 8;
     */
    CREATE_FLYTE_EXECUTIONS = 8,
    /**
     * Create new projects and update project descriptions
     *
     * @generated from enum value: ACTION_ADMINISTER_PROJECT = 9;
     */
    ADMINISTER_PROJECT = 9,
    /**
     * Add users, roles and update role assignments.
     *
     * @generated from enum value: ACTION_MANAGE_PERMISSIONS = 10;
     */
    MANAGE_PERMISSIONS = 10,
    /**
     * Manage billing, account-wide settings
     *
     * @generated from enum value: ACTION_ADMINISTER_ACCOUNT = 11;
     */
    ADMINISTER_ACCOUNT = 11,
    /**
     * Operations for clusters
     *
     * @generated from enum value: ACTION_MANAGE_CLUSTER = 12;
     */
    MANAGE_CLUSTER = 12,
    /**
     * Edit execution related attributes, including TASK_RESOURCE, WORKFLOW_EXECUTION_CONFIG, and EXTERNAL_RESOURCE
     *
     * @generated from enum value: ACTION_EDIT_EXECUTION_RELATED_ATTRIBUTES = 13;
     */
    EDIT_EXECUTION_RELATED_ATTRIBUTES = 13,
    /**
     * Edit cluster related attributes, including CLUSTER_RESOURCE and CLUSTER_ASSIGNMENT
     *
     * @generated from enum value: ACTION_EDIT_CLUSTER_RELATED_ATTRIBUTES = 14;
     */
    EDIT_CLUSTER_RELATED_ATTRIBUTES = 14,
    /**
     * Edit unused attributes, including EXECUTION_QUEUE, EXECUTION_CLUSTER_LABEL, QUALITY_OF_SERVICE_SPECIFICATION, and PLUGIN_OVERRIDE
     *
     * @generated from enum value: ACTION_EDIT_UNUSED_ATTRIBUTES = 15;
     */
    EDIT_UNUSED_ATTRIBUTES = 15,
    /**
     * View system logs
     *
     * @generated from enum value: ACTION_SUPPORT_SYSTEM_LOGS = 16;
     */
    SUPPORT_SYSTEM_LOGS = 16,
    /**
     * View identities, this includes human users and machine apps (client creds)
     *
     * @generated from enum value: ACTION_VIEW_IDENTITIES = 17;
     */
    VIEW_IDENTITIES = 17
}
/**
 * Describes the enum flyteidl2.common.Action.
 */
export declare const ActionSchema: GenEnum<Action>;
