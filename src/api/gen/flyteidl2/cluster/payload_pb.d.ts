import type { GenEnum, GenFile, GenMessage } from "@bufbuild/protobuf/codegenv1";
import type { Identifier } from "../app/app_definition_pb.ts";
import type { ActionAttemptIdentifier, ActionIdentifier, ClusterPoolIdentifier, DomainIdentifier, OrgIdentifier, ProjectIdentifier } from "../common/identifier_pb.ts";
import type { TaskIdentifier } from "../task/task_definition_pb.ts";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file flyteidl2/cluster/payload.proto.
 */
export declare const file_flyteidl2_cluster_payload: GenFile;
/**
 * @generated from message flyteidl2.cluster.SelectClusterRequest
 */
export type SelectClusterRequest = Message<"flyteidl2.cluster.SelectClusterRequest"> & {
    /**
     * @generated from oneof flyteidl2.cluster.SelectClusterRequest.resource
     */
    resource: {
        /**
         * @generated from field: flyteidl2.common.OrgIdentifier org_id = 1;
         */
        value: OrgIdentifier;
        case: "orgId";
    } | {
        /**
         * @generated from field: flyteidl2.common.ProjectIdentifier project_id = 2;
         */
        value: ProjectIdentifier;
        case: "projectId";
    } | {
        /**
         * @generated from field: flyteidl2.task.TaskIdentifier task_id = 3;
         */
        value: TaskIdentifier;
        case: "taskId";
    } | {
        /**
         * @generated from field: flyteidl2.common.ActionIdentifier action_id = 4;
         */
        value: ActionIdentifier;
        case: "actionId";
    } | {
        /**
         * @generated from field: flyteidl2.common.ActionAttemptIdentifier action_attempt_id = 5;
         */
        value: ActionAttemptIdentifier;
        case: "actionAttemptId";
    } | {
        /**
         * @generated from field: flyteidl2.app.Identifier app_id = 6;
         */
        value: Identifier;
        case: "appId";
    } | {
        /**
         * @generated from field: flyteidl2.common.ClusterPoolIdentifier cluster_pool_id = 7;
         */
        value: ClusterPoolIdentifier;
        case: "clusterPoolId";
    } | {
        /**
         * @generated from field: flyteidl2.common.DomainIdentifier domain_id = 9;
         */
        value: DomainIdentifier;
        case: "domainId";
    } | {
        case: undefined;
        value?: undefined;
    };
    /**
     * @generated from field: flyteidl2.cluster.SelectClusterRequest.Operation operation = 8;
     */
    operation: SelectClusterRequest_Operation;
};
/**
 * Describes the message flyteidl2.cluster.SelectClusterRequest.
 * Use `create(SelectClusterRequestSchema)` to create a new message.
 */
export declare const SelectClusterRequestSchema: GenMessage<SelectClusterRequest>;
/**
 * @generated from enum flyteidl2.cluster.SelectClusterRequest.Operation
 */
export declare enum SelectClusterRequest_Operation {
    /**
     * @generated from enum value: OPERATION_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * @generated from enum value: OPERATION_CREATE_UPLOAD_LOCATION = 1;
     */
    CREATE_UPLOAD_LOCATION = 1,
    /**
     * @generated from enum value: OPERATION_UPLOAD_INPUTS = 2;
     */
    UPLOAD_INPUTS = 2,
    /**
     * @generated from enum value: OPERATION_GET_ACTION_DATA = 3;
     */
    GET_ACTION_DATA = 3,
    /**
     * @generated from enum value: OPERATION_QUERY_RANGE_METRICS = 4;
     */
    QUERY_RANGE_METRICS = 4,
    /**
     * @generated from enum value: OPERATION_CREATE_DOWNLOAD_LINK = 5;
     */
    CREATE_DOWNLOAD_LINK = 5,
    /**
     * @generated from enum value: OPERATION_TAIL_LOGS = 6;
     */
    TAIL_LOGS = 6,
    /**
     * @generated from enum value: OPERATION_GET_ACTION_ATTEMPT_METRICS = 7;
     */
    GET_ACTION_ATTEMPT_METRICS = 7,
    /**
     * @generated from enum value: OPERATION_USE_SECRETS = 8;
     */
    USE_SECRETS = 8
}
/**
 * Describes the enum flyteidl2.cluster.SelectClusterRequest.Operation.
 */
export declare const SelectClusterRequest_OperationSchema: GenEnum<SelectClusterRequest_Operation>;
/**
 * @generated from message flyteidl2.cluster.SelectClusterResponse
 */
export type SelectClusterResponse = Message<"flyteidl2.cluster.SelectClusterResponse"> & {
    /**
     * @generated from field: string cluster_endpoint = 1;
     */
    clusterEndpoint: string;
};
/**
 * Describes the message flyteidl2.cluster.SelectClusterResponse.
 * Use `create(SelectClusterResponseSchema)` to create a new message.
 */
export declare const SelectClusterResponseSchema: GenMessage<SelectClusterResponse>;
