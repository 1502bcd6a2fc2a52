import type { GenFile, GenService } from "@bufbuild/protobuf/codegenv1";
import type { SelectClusterRequestSchema, SelectClusterResponseSchema } from "./payload_pb.ts";
/**
 * Describes the file flyteidl2/cluster/service.proto.
 */
export declare const file_flyteidl2_cluster_service: GenFile;
/**
 * @generated from service flyteidl2.cluster.ClusterService
 */
export declare const ClusterService: GenService<{
    /**
     * @generated from rpc flyteidl2.cluster.ClusterService.SelectCluster
     */
    selectCluster: {
        methodKind: "unary";
        input: typeof SelectClusterRequestSchema;
        output: typeof SelectClusterResponseSchema;
    };
}>;
