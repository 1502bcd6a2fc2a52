import type { GenEnum, GenFile, GenMessage } from "@bufbuild/protobuf/codegenv1";
import type { Action, Permission } from "./authorization_pb.ts";
import type { RoleIdentifier } from "./identifier_pb.ts";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file flyteidl2/common/role.proto.
 */
export declare const file_flyteidl2_common_role: GenFile;
/**
 * @generated from message flyteidl2.common.Role
 */
export type Role = Message<"flyteidl2.common.Role"> & {
    /**
     * @generated from field: flyteidl2.common.RoleIdentifier id = 1;
     */
    id?: RoleIdentifier;
    /**
     * @generated from field: repeated flyteidl2.common.Permission permissions = 2 [deprecated = true];
     * @deprecated
     */
    permissions: Permission[];
    /**
     * @generated from field: flyteidl2.common.RoleSpec role_spec = 3;
     */
    roleSpec?: RoleSpec;
    /**
     * @generated from field: flyteidl2.common.RoleType role_type = 4;
     */
    roleType: RoleType;
    /**
     * @generated from field: repeated flyteidl2.common.Action actions = 5;
     */
    actions: Action[];
};
/**
 * Describes the message flyteidl2.common.Role.
 * Use `create(RoleSchema)` to create a new message.
 */
export declare const RoleSchema: GenMessage<Role>;
/**
 * @generated from message flyteidl2.common.RoleSpec
 */
export type RoleSpec = Message<"flyteidl2.common.RoleSpec"> & {
    /**
     * Optional, human readable description for this role.
     *
     * @generated from field: string description = 1;
     */
    description: string;
};
/**
 * Describes the message flyteidl2.common.RoleSpec.
 * Use `create(RoleSpecSchema)` to create a new message.
 */
export declare const RoleSpecSchema: GenMessage<RoleSpec>;
/**
 * A role type is a short-hand for understanding the permissions associated with a role.
 * Boilerplate role types include a conventional collection of permissions
 * Custom role types include a user-defined collection of permissions
 *
 * @generated from enum flyteidl2.common.RoleType
 */
export declare enum RoleType {
    /**
     * Default group. Not used in practice.
     *
     * @generated from enum value: ROLE_TYPE_NONE = 0;
     */
    NONE = 0,
    /**
     * The admin role has a collective set of permissions to do everything
     *
     * @generated from enum value: ROLE_TYPE_ADMIN = 1;
     */
    ADMIN = 1,
    /**
     * The contributor role has a collective set of permissions to view inventory, view executions, write inventory and create executions
     *
     * @generated from enum value: ROLE_TYPE_CONTRIBUTOR = 2;
     */
    CONTRIBUTOR = 2,
    /**
     * The viewer role has a collective set of permissions to view inventory and view executions
     *
     * @generated from enum value: ROLE_TYPE_VIEWER = 3;
     */
    VIEWER = 3,
    /**
     * Represent a role with user-defined sets of permissions.
     *
     * @generated from enum value: ROLE_TYPE_CUSTOM = 4;
     */
    CUSTOM = 4,
    /**
     * The role with permissions to administer a specific customer cluster.
     *
     * @generated from enum value: ROLE_TYPE_CLUSTER_MANAGER = 5;
     */
    CLUSTER_MANAGER = 5,
    /**
     * Role with permissions specific to administer flyte project(s).
     *
     * @generated from enum value: ROLE_TYPE_FLYTE_PROJECT_ADMIN = 6;
     */
    FLYTE_PROJECT_ADMIN = 6,
    /**
     * The viewer role for serverless
     *
     * @generated from enum value: ROLE_TYPE_SERVERLESS_VIEWER = 7;
     */
    SERVERLESS_VIEWER = 7,
    /**
     * The contributor role for serverless
     *
     * @generated from enum value: ROLE_TYPE_SERVERLESS_CONTRIBUTOR = 8;
     */
    SERVERLESS_CONTRIBUTOR = 8,
    /**
     * The support role would have contributor permissions plus the access to support endpoints
     *
     * @generated from enum value: ROLE_TYPE_SUPPORT = 9;
     */
    SUPPORT = 9,
    /**
     * Internal system-provisioned role assigned to all identities by default.
     * Grants baseline access required for platform functionality (e.g. image builder).
     *
     * @generated from enum value: ROLE_TYPE_SYSTEM_PROVISIONED_ACCESS = 10;
     */
    SYSTEM_PROVISIONED_ACCESS = 10
}
/**
 * Describes the enum flyteidl2.common.RoleType.
 */
export declare const RoleTypeSchema: GenEnum<RoleType>;
