import type { GenFile, GenMessage } from "@bufbuild/protobuf/codegenv1";
import type { Resource } from "./authorization_pb.ts";
import type { PolicyIdentifier, RoleIdentifier } from "./identifier_pb.ts";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file flyteidl2/common/policy.proto.
 */
export declare const file_flyteidl2_common_policy: GenFile;
/**
 * A policy is a collection of roles bound to a resource.
 *
 * @generated from message flyteidl2.common.Policy
 */
export type Policy = Message<"flyteidl2.common.Policy"> & {
    /**
     * @generated from field: flyteidl2.common.PolicyIdentifier id = 1;
     */
    id?: PolicyIdentifier;
    /**
     * @generated from field: repeated flyteidl2.common.PolicyBinding bindings = 2;
     */
    bindings: PolicyBinding[];
    /**
     * Optional: human readable description
     *
     * @generated from field: string description = 3;
     */
    description: string;
};
/**
 * Describes the message flyteidl2.common.Policy.
 * Use `create(PolicySchema)` to create a new message.
 */
export declare const PolicySchema: GenMessage<Policy>;
/**
 * A policy binding represents a role (a set of actions) defined on a resource.
 *
 * @generated from message flyteidl2.common.PolicyBinding
 */
export type PolicyBinding = Message<"flyteidl2.common.PolicyBinding"> & {
    /**
     * The role designates the permitted set of actions which can be applied to the resource.
     *
     * @generated from field: flyteidl2.common.RoleIdentifier role_id = 1;
     */
    roleId?: RoleIdentifier;
    /**
     * @generated from field: flyteidl2.common.Resource resource = 2;
     */
    resource?: Resource;
};
/**
 * Describes the message flyteidl2.common.PolicyBinding.
 * Use `create(PolicyBindingSchema)` to create a new message.
 */
export declare const PolicyBindingSchema: GenMessage<PolicyBinding>;
