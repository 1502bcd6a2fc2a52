import type { GenFile, GenMessage } from "@bufbuild/protobuf/codegenv1";
import type { ApplicationIdentifier, UserIdentifier } from "./identifier_pb.ts";
import type { Policy } from "./policy_pb.ts";
import type { Role } from "./role_pb.ts";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file flyteidl2/common/identity.proto.
 */
export declare const file_flyteidl2_common_identity: GenFile;
/**
 * Encapsulates user profile details for a member of an organization.
 *
 * @generated from message flyteidl2.common.User
 */
export type User = Message<"flyteidl2.common.User"> & {
    /**
     * @generated from field: flyteidl2.common.UserIdentifier id = 1;
     */
    id?: UserIdentifier;
    /**
     * @generated from field: flyteidl2.common.UserSpec spec = 2;
     */
    spec?: UserSpec;
    /**
     * @generated from field: repeated flyteidl2.common.Role roles = 3 [deprecated = true];
     * @deprecated
     */
    roles: Role[];
    /**
     * @generated from field: repeated flyteidl2.common.Policy policies = 4;
     */
    policies: Policy[];
};
/**
 * Describes the message flyteidl2.common.User.
 * Use `create(UserSchema)` to create a new message.
 */
export declare const UserSchema: GenMessage<User>;
/**
 * @generated from message flyteidl2.common.UserSpec
 */
export type UserSpec = Message<"flyteidl2.common.UserSpec"> & {
    /**
     * @generated from field: string first_name = 1;
     */
    firstName: string;
    /**
     * @generated from field: string last_name = 2;
     */
    lastName: string;
    /**
     * @generated from field: string email = 3;
     */
    email: string;
    /**
     * @generated from field: string organization = 4;
     */
    organization: string;
    /**
     * @generated from field: string user_handle = 5;
     */
    userHandle: string;
    /**
     * @generated from field: repeated string groups = 6;
     */
    groups: string[];
    /**
     * @generated from field: string photo_url = 7;
     */
    photoUrl: string;
};
/**
 * Describes the message flyteidl2.common.UserSpec.
 * Use `create(UserSpecSchema)` to create a new message.
 */
export declare const UserSpecSchema: GenMessage<UserSpec>;
/**
 * @generated from message flyteidl2.common.Application
 */
export type Application = Message<"flyteidl2.common.Application"> & {
    /**
     * @generated from field: flyteidl2.common.ApplicationIdentifier id = 1;
     */
    id?: ApplicationIdentifier;
    /**
     * @generated from field: flyteidl2.common.AppSpec spec = 2;
     */
    spec?: AppSpec;
};
/**
 * Describes the message flyteidl2.common.Application.
 * Use `create(ApplicationSchema)` to create a new message.
 */
export declare const ApplicationSchema: GenMessage<Application>;
/**
 * @generated from message flyteidl2.common.AppSpec
 */
export type AppSpec = Message<"flyteidl2.common.AppSpec"> & {
    /**
     * @generated from field: string name = 1;
     */
    name: string;
    /**
     * @generated from field: string organization = 2;
     */
    organization: string;
};
/**
 * Describes the message flyteidl2.common.AppSpec.
 * Use `create(AppSpecSchema)` to create a new message.
 */
export declare const AppSpecSchema: GenMessage<AppSpec>;
/**
 * @generated from message flyteidl2.common.EnrichedIdentity
 */
export type EnrichedIdentity = Message<"flyteidl2.common.EnrichedIdentity"> & {
    /**
     * @generated from oneof flyteidl2.common.EnrichedIdentity.principal
     */
    principal: {
        /**
         * @generated from field: flyteidl2.common.User user = 1;
         */
        value: User;
        case: "user";
    } | {
        /**
         * @generated from field: flyteidl2.common.Application application = 2;
         */
        value: Application;
        case: "application";
    } | {
        case: undefined;
        value?: undefined;
    };
};
/**
 * Describes the message flyteidl2.common.EnrichedIdentity.
 * Use `create(EnrichedIdentitySchema)` to create a new message.
 */
export declare const EnrichedIdentitySchema: GenMessage<EnrichedIdentity>;
/**
 * @generated from message flyteidl2.common.Identity
 */
export type Identity = Message<"flyteidl2.common.Identity"> & {
    /**
     * @generated from oneof flyteidl2.common.Identity.principal
     */
    principal: {
        /**
         * @generated from field: flyteidl2.common.UserIdentifier user_id = 1;
         */
        value: UserIdentifier;
        case: "userId";
    } | {
        /**
         * @generated from field: flyteidl2.common.ApplicationIdentifier application_id = 2;
         */
        value: ApplicationIdentifier;
        case: "applicationId";
    } | {
        case: undefined;
        value?: undefined;
    };
};
/**
 * Describes the message flyteidl2.common.Identity.
 * Use `create(IdentitySchema)` to create a new message.
 */
export declare const IdentitySchema: GenMessage<Identity>;
