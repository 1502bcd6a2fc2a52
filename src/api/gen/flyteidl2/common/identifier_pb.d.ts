import type { GenFile, GenMessage } from "@bufbuild/protobuf/codegenv1";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file flyteidl2/common/identifier.proto.
 */
export declare const file_flyteidl2_common_identifier: GenFile;
/**
 * @generated from message flyteidl2.common.ProjectIdentifier
 */
export type ProjectIdentifier = Message<"flyteidl2.common.ProjectIdentifier"> & {
    /**
     * @generated from field: string organization = 1;
     */
    organization: string;
    /**
     * @generated from field: string domain = 2;
     */
    domain: string;
    /**
     * @generated from field: string name = 3;
     */
    name: string;
};
/**
 * Describes the message flyteidl2.common.ProjectIdentifier.
 * Use `create(ProjectIdentifierSchema)` to create a new message.
 */
export declare const ProjectIdentifierSchema: GenMessage<ProjectIdentifier>;
/**
 * @generated from message flyteidl2.common.DomainIdentifier
 */
export type DomainIdentifier = Message<"flyteidl2.common.DomainIdentifier"> & {
    /**
     * @generated from field: string organization = 1;
     */
    organization: string;
    /**
     * @generated from field: string name = 2;
     */
    name: string;
};
/**
 * Describes the message flyteidl2.common.DomainIdentifier.
 * Use `create(DomainIdentifierSchema)` to create a new message.
 */
export declare const DomainIdentifierSchema: GenMessage<DomainIdentifier>;
/**
 * @generated from message flyteidl2.common.ClusterIdentifier
 */
export type ClusterIdentifier = Message<"flyteidl2.common.ClusterIdentifier"> & {
    /**
     * @generated from field: string organization = 1;
     */
    organization: string;
    /**
     * @generated from field: string name = 2;
     */
    name: string;
};
/**
 * Describes the message flyteidl2.common.ClusterIdentifier.
 * Use `create(ClusterIdentifierSchema)` to create a new message.
 */
export declare const ClusterIdentifierSchema: GenMessage<ClusterIdentifier>;
/**
 * @generated from message flyteidl2.common.ClusterPoolIdentifier
 */
export type ClusterPoolIdentifier = Message<"flyteidl2.common.ClusterPoolIdentifier"> & {
    /**
     * @generated from field: string organization = 1;
     */
    organization: string;
    /**
     * @generated from field: string name = 2;
     */
    name: string;
};
/**
 * Describes the message flyteidl2.common.ClusterPoolIdentifier.
 * Use `create(ClusterPoolIdentifierSchema)` to create a new message.
 */
export declare const ClusterPoolIdentifierSchema: GenMessage<ClusterPoolIdentifier>;
/**
 * @generated from message flyteidl2.common.ClusterConfigIdentifier
 */
export type ClusterConfigIdentifier = Message<"flyteidl2.common.ClusterConfigIdentifier"> & {
    /**
     * @generated from field: string organization = 1;
     */
    organization: string;
    /**
     * @generated from field: string id = 2;
     */
    id: string;
};
/**
 * Describes the message flyteidl2.common.ClusterConfigIdentifier.
 * Use `create(ClusterConfigIdentifierSchema)` to create a new message.
 */
export declare const ClusterConfigIdentifierSchema: GenMessage<ClusterConfigIdentifier>;
/**
 * @generated from message flyteidl2.common.ClusterNodepoolIdentifier
 */
export type ClusterNodepoolIdentifier = Message<"flyteidl2.common.ClusterNodepoolIdentifier"> & {
    /**
     * @generated from field: string organization = 1;
     */
    organization: string;
    /**
     * @generated from field: string cluster_name = 2;
     */
    clusterName: string;
    /**
     * @generated from field: string name = 3;
     */
    name: string;
};
/**
 * Describes the message flyteidl2.common.ClusterNodepoolIdentifier.
 * Use `create(ClusterNodepoolIdentifierSchema)` to create a new message.
 */
export declare const ClusterNodepoolIdentifierSchema: GenMessage<ClusterNodepoolIdentifier>;
/**
 * @generated from message flyteidl2.common.UserIdentifier
 */
export type UserIdentifier = Message<"flyteidl2.common.UserIdentifier"> & {
    /**
     * @generated from field: string subject = 1;
     */
    subject: string;
};
/**
 * Describes the message flyteidl2.common.UserIdentifier.
 * Use `create(UserIdentifierSchema)` to create a new message.
 */
export declare const UserIdentifierSchema: GenMessage<UserIdentifier>;
/**
 * @generated from message flyteidl2.common.ApplicationIdentifier
 */
export type ApplicationIdentifier = Message<"flyteidl2.common.ApplicationIdentifier"> & {
    /**
     * @generated from field: string subject = 1;
     */
    subject: string;
};
/**
 * Describes the message flyteidl2.common.ApplicationIdentifier.
 * Use `create(ApplicationIdentifierSchema)` to create a new message.
 */
export declare const ApplicationIdentifierSchema: GenMessage<ApplicationIdentifier>;
/**
 * @generated from message flyteidl2.common.RoleIdentifier
 */
export type RoleIdentifier = Message<"flyteidl2.common.RoleIdentifier"> & {
    /**
     * @generated from field: string organization = 1;
     */
    organization: string;
    /**
     * Unique name for this role within the organization
     *
     * @generated from field: string name = 2;
     */
    name: string;
};
/**
 * Describes the message flyteidl2.common.RoleIdentifier.
 * Use `create(RoleIdentifierSchema)` to create a new message.
 */
export declare const RoleIdentifierSchema: GenMessage<RoleIdentifier>;
/**
 * @generated from message flyteidl2.common.OrgIdentifier
 */
export type OrgIdentifier = Message<"flyteidl2.common.OrgIdentifier"> & {
    /**
     * @generated from field: string name = 1;
     */
    name: string;
};
/**
 * Describes the message flyteidl2.common.OrgIdentifier.
 * Use `create(OrgIdentifierSchema)` to create a new message.
 */
export declare const OrgIdentifierSchema: GenMessage<OrgIdentifier>;
/**
 * @generated from message flyteidl2.common.ManagedClusterIdentifier
 */
export type ManagedClusterIdentifier = Message<"flyteidl2.common.ManagedClusterIdentifier"> & {
    /**
     * @generated from field: string name = 2;
     */
    name: string;
    /**
     * @generated from field: flyteidl2.common.OrgIdentifier org = 3;
     */
    org?: OrgIdentifier;
};
/**
 * Describes the message flyteidl2.common.ManagedClusterIdentifier.
 * Use `create(ManagedClusterIdentifierSchema)` to create a new message.
 */
export declare const ManagedClusterIdentifierSchema: GenMessage<ManagedClusterIdentifier>;
/**
 * @generated from message flyteidl2.common.PolicyIdentifier
 */
export type PolicyIdentifier = Message<"flyteidl2.common.PolicyIdentifier"> & {
    /**
     * @generated from field: string organization = 1;
     */
    organization: string;
    /**
     * Unique name for this policy within the organization
     *
     * @generated from field: string name = 2;
     */
    name: string;
};
/**
 * Describes the message flyteidl2.common.PolicyIdentifier.
 * Use `create(PolicyIdentifierSchema)` to create a new message.
 */
export declare const PolicyIdentifierSchema: GenMessage<PolicyIdentifier>;
/**
 * Unique identifier of a run.
 *
 * @generated from message flyteidl2.common.RunIdentifier
 */
export type RunIdentifier = Message<"flyteidl2.common.RunIdentifier"> & {
    /**
     * Org this run belongs to.
     *
     * @generated from field: string org = 1;
     */
    org: string;
    /**
     * Project this run belongs to.
     *
     * @generated from field: string project = 2;
     */
    project: string;
    /**
     * Domain this run belongs to.
     *
     * @generated from field: string domain = 3;
     */
    domain: string;
    /**
     * Name of the run. Must be unique across all runs in this org, project, and domain pairing.
     *
     * @generated from field: string name = 4;
     */
    name: string;
};
/**
 * Describes the message flyteidl2.common.RunIdentifier.
 * Use `create(RunIdentifierSchema)` to create a new message.
 */
export declare const RunIdentifierSchema: GenMessage<RunIdentifier>;
/**
 * Unique identifier of an action.
 *
 * @generated from message flyteidl2.common.ActionIdentifier
 */
export type ActionIdentifier = Message<"flyteidl2.common.ActionIdentifier"> & {
    /**
     * Identifier for the run.
     *
     * @generated from field: flyteidl2.common.RunIdentifier run = 1;
     */
    run?: RunIdentifier;
    /**
     * Name of the action. Must be unique within the run.
     *
     * @generated from field: string name = 2;
     */
    name: string;
};
/**
 * Describes the message flyteidl2.common.ActionIdentifier.
 * Use `create(ActionIdentifierSchema)` to create a new message.
 */
export declare const ActionIdentifierSchema: GenMessage<ActionIdentifier>;
/**
 * Unique identifier of a single action attempt
 *
 * @generated from message flyteidl2.common.ActionAttemptIdentifier
 */
export type ActionAttemptIdentifier = Message<"flyteidl2.common.ActionAttemptIdentifier"> & {
    /**
     * @generated from field: flyteidl2.common.ActionIdentifier action_id = 1;
     */
    actionId?: ActionIdentifier;
    /**
     * @generated from field: uint32 attempt = 2;
     */
    attempt: number;
};
/**
 * Describes the message flyteidl2.common.ActionAttemptIdentifier.
 * Use `create(ActionAttemptIdentifierSchema)` to create a new message.
 */
export declare const ActionAttemptIdentifierSchema: GenMessage<ActionAttemptIdentifier>;
/**
 * Identifies trigger within an org, project and domain
 *
 * @generated from message flyteidl2.common.TriggerName
 */
export type TriggerName = Message<"flyteidl2.common.TriggerName"> & {
    /**
     * Org this trigger belongs to.
     *
     * @generated from field: string org = 1;
     */
    org: string;
    /**
     * Project this trigger belongs to.
     *
     * @generated from field: string project = 2;
     */
    project: string;
    /**
     * Domain this trigger belongs to.
     *
     * @generated from field: string domain = 3;
     */
    domain: string;
    /**
     * Unique name of the trigger.
     *
     * @generated from field: string name = 4;
     */
    name: string;
    /**
     * @generated from field: string task_name = 5;
     */
    taskName: string;
};
/**
 * Describes the message flyteidl2.common.TriggerName.
 * Use `create(TriggerNameSchema)` to create a new message.
 */
export declare const TriggerNameSchema: GenMessage<TriggerName>;
/**
 * Identifies a trigger revision within an org, project and domain
 *
 * @generated from message flyteidl2.common.TriggerIdentifier
 */
export type TriggerIdentifier = Message<"flyteidl2.common.TriggerIdentifier"> & {
    /**
     * @generated from field: flyteidl2.common.TriggerName name = 1;
     */
    name?: TriggerName;
    /**
     * Revision of the trigger.
     *
     * @generated from field: uint64 revision = 2;
     */
    revision: bigint;
};
/**
 * Describes the message flyteidl2.common.TriggerIdentifier.
 * Use `create(TriggerIdentifierSchema)` to create a new message.
 */
export declare const TriggerIdentifierSchema: GenMessage<TriggerIdentifier>;
