import type { GenEnum, GenFile, GenMessage } from "@bufbuild/protobuf/codegenv1";
import type { EnrichedIdentity } from "../common/identity_pb.ts";
import type { RuntimeMetadata } from "../common/runtime_version_pb.ts";
import type { ArtifactID, ArtifactQuery } from "../core/artifact_id_pb.ts";
import type { Identity, Secret } from "../core/security_pb.ts";
import type { Container, ExtendedResources, K8sPod } from "../core/tasks_pb.ts";
import type { Duration, Timestamp } from "@bufbuild/protobuf/wkt";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file flyteidl2/app/app_definition.proto.
 */
export declare const file_flyteidl2_app_app_definition: GenFile;
/**
 * @generated from message flyteidl2.app.Identifier
 */
export type Identifier = Message<"flyteidl2.app.Identifier"> & {
    /**
     * Org that the app belongs to.
     *
     * @generated from field: string org = 1;
     */
    org: string;
    /**
     * Project that the app belongs to.
     *
     * @generated from field: string project = 2;
     */
    project: string;
    /**
     * Domain that the app belongs to.
     *
     * @generated from field: string domain = 3;
     */
    domain: string;
    /**
     * Name that the user provided for the app.
     *
     * @generated from field: string name = 4;
     */
    name: string;
};
/**
 * Describes the message flyteidl2.app.Identifier.
 * Use `create(IdentifierSchema)` to create a new message.
 */
export declare const IdentifierSchema: GenMessage<Identifier>;
/**
 * @generated from message flyteidl2.app.Meta
 */
export type Meta = Message<"flyteidl2.app.Meta"> & {
    /**
     * ID of the app.
     *
     * @generated from field: flyteidl2.app.Identifier id = 1;
     */
    id?: Identifier;
    /**
     * Revision of the app object.
     *
     * @generated from field: uint64 revision = 2;
     */
    revision: bigint;
    /**
     * Labels for the app.
     *
     * @generated from field: map<string, string> labels = 3;
     */
    labels: {
        [key: string]: string;
    };
};
/**
 * Describes the message flyteidl2.app.Meta.
 * Use `create(MetaSchema)` to create a new message.
 */
export declare const MetaSchema: GenMessage<Meta>;
/**
 * For internal usage only. This message is used to wrap the app message with the host.
 *
 * @generated from message flyteidl2.app.AppWrapper
 */
export type AppWrapper = Message<"flyteidl2.app.AppWrapper"> & {
    /**
     * @generated from field: string host = 1;
     */
    host: string;
    /**
     * @generated from oneof flyteidl2.app.AppWrapper.payload
     */
    payload: {
        /**
         * @generated from field: flyteidl2.app.App app = 2;
         */
        value: App;
        case: "app";
    } | {
        /**
         * @generated from field: flyteidl2.app.Identifier app_id = 3;
         */
        value: Identifier;
        case: "appId";
    } | {
        case: undefined;
        value?: undefined;
    };
};
/**
 * Describes the message flyteidl2.app.AppWrapper.
 * Use `create(AppWrapperSchema)` to create a new message.
 */
export declare const AppWrapperSchema: GenMessage<AppWrapper>;
/**
 * Represents an app with its specification and status.
 *
 * @generated from message flyteidl2.app.App
 */
export type App = Message<"flyteidl2.app.App"> & {
    /**
     * Metadata of the app.
     *
     * @generated from field: flyteidl2.app.Meta metadata = 1;
     */
    metadata?: Meta;
    /**
     * Specification of the app.
     *
     * @generated from field: flyteidl2.app.Spec spec = 2;
     */
    spec?: Spec;
    /**
     * Status of the app.
     *
     * @generated from field: flyteidl2.app.Status status = 3;
     */
    status?: Status;
};
/**
 * Describes the message flyteidl2.app.App.
 * Use `create(AppSchema)` to create a new message.
 */
export declare const AppSchema: GenMessage<App>;
/**
 * Represents the condition of an app.
 *
 * @generated from message flyteidl2.app.Condition
 */
export type Condition = Message<"flyteidl2.app.Condition"> & {
    /**
     * Last transition time of the condition.
     *
     * @generated from field: google.protobuf.Timestamp last_transition_time = 1;
     */
    lastTransitionTime?: Timestamp;
    /**
     * Deployment status of the app.
     *
     * @generated from field: flyteidl2.app.Status.DeploymentStatus deployment_status = 2;
     */
    deploymentStatus: Status_DeploymentStatus;
    /**
     * Message for the condition.
     *
     * @generated from field: string message = 3;
     */
    message: string;
    /**
     * Revision the Condition applies to. This can be used by consumers
     * to introspect and visualize which revisions are up.
     *
     * @generated from field: uint64 revision = 4;
     */
    revision: bigint;
    /**
     * Actor is the principal that caused the condition.
     *
     * @generated from field: flyteidl2.common.EnrichedIdentity actor = 5;
     */
    actor?: EnrichedIdentity;
};
/**
 * Describes the message flyteidl2.app.Condition.
 * Use `create(ConditionSchema)` to create a new message.
 */
export declare const ConditionSchema: GenMessage<Condition>;
/**
 * Represents the status of an app.
 *
 * @generated from message flyteidl2.app.Status
 */
export type Status = Message<"flyteidl2.app.Status"> & {
    /**
     * @generated from field: string assigned_cluster = 1;
     */
    assignedCluster: string;
    /**
     * Current number of replicas.
     *
     * @generated from field: uint32 current_replicas = 2;
     */
    currentReplicas: number;
    /**
     * List of public URLs for the app.
     *
     * @generated from field: flyteidl2.app.Ingress ingress = 3;
     */
    ingress?: Ingress;
    /**
     * CreatedAt is the time when the app was first created
     *
     * @generated from field: google.protobuf.Timestamp created_at = 4;
     */
    createdAt?: Timestamp;
    /**
     * LastUpdatedAt is the time when the app was last updated
     *
     * @generated from field: google.protobuf.Timestamp last_updated_at = 5;
     */
    lastUpdatedAt?: Timestamp;
    /**
     * Conditions for the app.
     *
     * @generated from field: repeated flyteidl2.app.Condition conditions = 6;
     */
    conditions: Condition[];
    /**
     * LeaseExpiration refers to how long the app is leased to a cluster for it to start processing it. If the lease
     * period expires, the cluster will no longer be allowed to update this app and another cluster can pick it up.
     *
     * @generated from field: google.protobuf.Timestamp lease_expiration = 7;
     */
    leaseExpiration?: Timestamp;
    /**
     * K8sMetadata contains metadata about the app in the K8s cluster.
     *
     * @generated from field: flyteidl2.app.K8sMetadata k8s_metadata = 8;
     */
    k8sMetadata?: K8sMetadata;
    /**
     * @generated from field: flyteidl2.app.MaterializedInputs materialized_inputs = 9;
     */
    materializedInputs?: MaterializedInputs;
};
/**
 * Describes the message flyteidl2.app.Status.
 * Use `create(StatusSchema)` to create a new message.
 */
export declare const StatusSchema: GenMessage<Status>;
/**
 * Enum for deployment status of the app.
 *
 * @generated from enum flyteidl2.app.Status.DeploymentStatus
 */
export declare enum Status_DeploymentStatus {
    /**
     * Unspecified deployment status.
     *
     * @generated from enum value: DEPLOYMENT_STATUS_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * Deployment is enabled but hasn't been assigned to a cluster yet.
     *
     * @generated from enum value: DEPLOYMENT_STATUS_UNASSIGNED = 1;
     */
    UNASSIGNED = 1,
    /**
     * Deployment is assigned to a cluster but hasn't been acknowledged yet.
     *
     * @generated from enum value: DEPLOYMENT_STATUS_ASSIGNED = 2;
     */
    ASSIGNED = 2,
    /**
     * Deployment is picked up by a cluster but is awaiting deployment.
     *
     * @generated from enum value: DEPLOYMENT_STATUS_PENDING = 3;
     */
    PENDING = 3,
    /**
     * Deployment is disabled.
     *
     * @generated from enum value: DEPLOYMENT_STATUS_STOPPED = 4;
     */
    STOPPED = 4,
    /**
     * Deployment is completed. Please use DEPLOYMENT_STATUS_ACTIVE instead.
     *
     * @generated from enum value: DEPLOYMENT_STATUS_STARTED = 5 [deprecated = true];
     * @deprecated
     */
    STARTED = 5,
    /**
     * Deployment has failed.
     *
     * @generated from enum value: DEPLOYMENT_STATUS_FAILED = 6;
     */
    FAILED = 6,
    /**
     * Deployment is completed.
     *
     * @generated from enum value: DEPLOYMENT_STATUS_ACTIVE = 7;
     */
    ACTIVE = 7,
    /**
     * Triggered in response to desired app replicas > actual app replicas
     *
     * @generated from enum value: DEPLOYMENT_STATUS_SCALING_UP = 8;
     */
    SCALING_UP = 8,
    /**
     * Triggered in response to desired app replicas < actual app replicas
     *
     * @generated from enum value: DEPLOYMENT_STATUS_SCALING_DOWN = 9;
     */
    SCALING_DOWN = 9,
    /**
     * Triggered in response to the latest app spec changing
     *
     * @generated from enum value: DEPLOYMENT_STATUS_DEPLOYING = 10;
     */
    DEPLOYING = 10
}
/**
 * Describes the enum flyteidl2.app.Status.DeploymentStatus.
 */
export declare const Status_DeploymentStatusSchema: GenEnum<Status_DeploymentStatus>;
/**
 * @generated from message flyteidl2.app.K8sMetadata
 */
export type K8sMetadata = Message<"flyteidl2.app.K8sMetadata"> & {
    /**
     * Namespace points to the namespace the app is deployed in.
     *
     * @generated from field: string namespace = 1;
     */
    namespace: string;
};
/**
 * Describes the message flyteidl2.app.K8sMetadata.
 * Use `create(K8sMetadataSchema)` to create a new message.
 */
export declare const K8sMetadataSchema: GenMessage<K8sMetadata>;
/**
 * @generated from message flyteidl2.app.Ingress
 */
export type Ingress = Message<"flyteidl2.app.Ingress"> & {
    /**
     * Public URL of the app.
     *
     * @generated from field: string public_url = 1;
     */
    publicUrl: string;
    /**
     * Canonical name (CNAME) URL of the app.
     *
     * @generated from field: string cname_url = 2;
     */
    cnameUrl: string;
    /**
     * VPC URL of the app.
     *
     * @generated from field: string vpc_url = 3;
     */
    vpcUrl: string;
};
/**
 * Describes the message flyteidl2.app.Ingress.
 * Use `create(IngressSchema)` to create a new message.
 */
export declare const IngressSchema: GenMessage<Ingress>;
/**
 * Represents the specification of an app.
 *
 * @generated from message flyteidl2.app.Spec
 */
export type Spec = Message<"flyteidl2.app.Spec"> & {
    /**
     * Payload of the app, which can be either a container or a K8s pod.
     *
     * @generated from oneof flyteidl2.app.Spec.app_payload
     */
    appPayload: {
        /**
         * Container payload.
         *
         * @generated from field: flyteidl2.core.Container container = 1;
         */
        value: Container;
        case: "container";
    } | {
        /**
         * K8s pod payload.
         *
         * @generated from field: flyteidl2.core.K8sPod pod = 2;
         */
        value: K8sPod;
        case: "pod";
    } | {
        case: undefined;
        value?: undefined;
    };
    /**
     * Autoscaling configuration for the app.
     *
     * @generated from field: flyteidl2.app.AutoscalingConfig autoscaling = 3;
     */
    autoscaling?: AutoscalingConfig;
    /**
     * Ingress configuration for the app.
     *
     * @generated from field: flyteidl2.app.IngressConfig ingress = 4;
     */
    ingress?: IngressConfig;
    /**
     * Deployment status of the app.
     *
     * @generated from field: flyteidl2.app.Spec.DesiredState desired_state = 5;
     */
    desiredState: Spec_DesiredState;
    /**
     * ClusterPool to place this app on. By default it'll use the default cluster pool.
     *
     * @generated from field: string cluster_pool = 6;
     */
    clusterPool: string;
    /**
     * Set of image specifications for the app.
     *
     * @generated from field: flyteidl2.app.ImageSpecSet images = 7;
     */
    images?: ImageSpecSet;
    /**
     * security_context encapsulates security attributes requested to run this task.
     *
     * @generated from field: flyteidl2.app.SecurityContext security_context = 8;
     */
    securityContext?: SecurityContext;
    /**
     * Encapsulates all non-standard resources, not captured by
     * v1.ResourceRequirements, to allocate to a task.
     *
     * @generated from field: flyteidl2.core.ExtendedResources extended_resources = 9;
     */
    extendedResources?: ExtendedResources;
    /**
     * Runtime metadata for the app.
     *
     * @generated from field: flyteidl2.common.RuntimeMetadata runtime_metadata = 10;
     */
    runtimeMetadata?: RuntimeMetadata;
    /**
     * Profile of the app.
     *
     * @generated from field: flyteidl2.app.Profile profile = 11;
     */
    profile?: Profile;
    /**
     * Creator of the app is the first principal that provisioned this app. Other principals may
     * interact with the app by updating its spec or stopping/starting it.
     *
     * @generated from field: flyteidl2.common.EnrichedIdentity creator = 12;
     */
    creator?: EnrichedIdentity;
    /**
     * Inputs of the app.
     *
     * @generated from field: flyteidl2.app.InputList inputs = 13;
     */
    inputs?: InputList;
    /**
     * @generated from field: repeated flyteidl2.app.Link links = 14;
     */
    links: Link[];
    /**
     * Timeout configuration for the app.
     *
     * @generated from field: flyteidl2.app.TimeoutConfig timeouts = 15;
     */
    timeouts?: TimeoutConfig;
};
/**
 * Describes the message flyteidl2.app.Spec.
 * Use `create(SpecSchema)` to create a new message.
 */
export declare const SpecSchema: GenMessage<Spec>;
/**
 * Enum for deployment status of the app.
 *
 * @generated from enum flyteidl2.app.Spec.DesiredState
 */
export declare enum Spec_DesiredState {
    /**
     * Unspecified state
     *
     * @generated from enum value: DESIRED_STATE_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * Deployment is disabled.
     *
     * @generated from enum value: DESIRED_STATE_STOPPED = 1;
     */
    STOPPED = 1,
    /**
     * Deployment is completed. Please use DESIRED_STATE_ACTIVE instead.
     *
     * @generated from enum value: DESIRED_STATE_STARTED = 2 [deprecated = true];
     * @deprecated
     */
    STARTED = 2,
    /**
     * Deployment is completed.
     *
     * @generated from enum value: DESIRED_STATE_ACTIVE = 3;
     */
    ACTIVE = 3
}
/**
 * Describes the enum flyteidl2.app.Spec.DesiredState.
 */
export declare const Spec_DesiredStateSchema: GenEnum<Spec_DesiredState>;
/**
 * Represents a link to an external resource (Arize project link, W&B dashboard, etc)
 *
 * @generated from message flyteidl2.app.Link
 */
export type Link = Message<"flyteidl2.app.Link"> & {
    /**
     * URL of the external service.
     * This can be an absolute or relative path.
     *
     * @generated from field: string path = 1;
     */
    path: string;
    /**
     * Human readable name of the external service.
     *
     * @generated from field: string title = 2;
     */
    title: string;
    /**
     * Whether the path is absolute (default) or relative.
     *
     * @generated from field: bool is_relative = 3;
     */
    isRelative: boolean;
};
/**
 * Describes the message flyteidl2.app.Link.
 * Use `create(LinkSchema)` to create a new message.
 */
export declare const LinkSchema: GenMessage<Link>;
/**
 * @generated from message flyteidl2.app.Input
 */
export type Input = Message<"flyteidl2.app.Input"> & {
    /**
     * Name is a unique identifier of the input within the list of inputs of the app
     *
     * @generated from field: string name = 1;
     */
    name: string;
    /**
     * @generated from oneof flyteidl2.app.Input.value
     */
    value: {
        /**
         * StringValue is a plain string value for the input
         *
         * @generated from field: string string_value = 2;
         */
        value: string;
        case: "stringValue";
    } | {
        /**
         * ArtifactQuery is that should result in a single artifact that will be used as the input to the app at runtime.
         * The artifact will be pinned at the time of the app creation.
         *
         * @generated from field: flyteidl2.core.ArtifactQuery artifact_query = 3;
         */
        value: ArtifactQuery;
        case: "artifactQuery";
    } | {
        /**
         * ArtifactId is an identifier of an artifact that will be used as the input to the app at runtime.
         *
         * @generated from field: flyteidl2.core.ArtifactID artifact_id = 4;
         */
        value: ArtifactID;
        case: "artifactId";
    } | {
        /**
         * ID of the app.
         *
         * @generated from field: flyteidl2.app.Identifier app_id = 5;
         */
        value: Identifier;
        case: "appId";
    } | {
        case: undefined;
        value?: undefined;
    };
};
/**
 * Describes the message flyteidl2.app.Input.
 * Use `create(InputSchema)` to create a new message.
 */
export declare const InputSchema: GenMessage<Input>;
/**
 * @generated from message flyteidl2.app.MaterializedInputs
 */
export type MaterializedInputs = Message<"flyteidl2.app.MaterializedInputs"> & {
    /**
     * @generated from field: repeated flyteidl2.app.MaterializedInput items = 1;
     */
    items: MaterializedInput[];
    /**
     * Revision of the app object that we materialized the input for.
     *
     * @generated from field: uint64 revision = 2;
     */
    revision: bigint;
};
/**
 * Describes the message flyteidl2.app.MaterializedInputs.
 * Use `create(MaterializedInputsSchema)` to create a new message.
 */
export declare const MaterializedInputsSchema: GenMessage<MaterializedInputs>;
/**
 * @generated from message flyteidl2.app.MaterializedInput
 */
export type MaterializedInput = Message<"flyteidl2.app.MaterializedInput"> & {
    /**
     * Name is a unique identifier of the input within the list of inputs of the app
     *
     * @generated from field: string name = 1;
     */
    name: string;
    /**
     * @generated from oneof flyteidl2.app.MaterializedInput.value
     */
    value: {
        /**
         * ArtifactId is an identifier of an artifact that will be used as the input to the app at runtime.
         *
         * @generated from field: flyteidl2.core.ArtifactID artifact_id = 2;
         */
        value: ArtifactID;
        case: "artifactId";
    } | {
        case: undefined;
        value?: undefined;
    };
};
/**
 * Describes the message flyteidl2.app.MaterializedInput.
 * Use `create(MaterializedInputSchema)` to create a new message.
 */
export declare const MaterializedInputSchema: GenMessage<MaterializedInput>;
/**
 * InputList is a list of dependencies for the app.
 *
 * @generated from message flyteidl2.app.InputList
 */
export type InputList = Message<"flyteidl2.app.InputList"> & {
    /**
     * Items is the list of inputs to fulfil for the app.
     *
     * @generated from field: repeated flyteidl2.app.Input items = 1;
     */
    items: Input[];
};
/**
 * Describes the message flyteidl2.app.InputList.
 * Use `create(InputListSchema)` to create a new message.
 */
export declare const InputListSchema: GenMessage<InputList>;
/**
 * @generated from message flyteidl2.app.Profile
 */
export type Profile = Message<"flyteidl2.app.Profile"> & {
    /**
     * App Type (e.g. FastAPI, Flask, VLLM, NIM etc.)
     *
     * @generated from field: string type = 1;
     */
    type: string;
    /**
     * Friendly name of the app.
     *
     * @generated from field: string name = 2;
     */
    name: string;
    /**
     * Short description of the app.
     *
     * @generated from field: string short_description = 3;
     */
    shortDescription: string;
    /**
     * Icon URL of the app.
     *
     * @generated from field: string icon_url = 4;
     */
    iconUrl: string;
};
/**
 * Describes the message flyteidl2.app.Profile.
 * Use `create(ProfileSchema)` to create a new message.
 */
export declare const ProfileSchema: GenMessage<Profile>;
/**
 * SecurityContext holds security attributes that apply to tasks.
 *
 * @generated from message flyteidl2.app.SecurityContext
 */
export type SecurityContext = Message<"flyteidl2.app.SecurityContext"> & {
    /**
     * run_as encapsulates the identity a pod should run as. If the task fills in multiple fields here, it'll be up to the
     * backend plugin to choose the appropriate identity for the execution engine the task will run on.
     *
     * @generated from field: flyteidl2.core.Identity run_as = 1;
     */
    runAs?: Identity;
    /**
     * secrets indicate the list of secrets the task needs in order to proceed. Secrets will be mounted/passed to the
     * pod as it starts. If the plugin responsible for kicking of the task will not run it on a flyte cluster (e.g. AWS
     * Batch), it's the responsibility of the plugin to fetch the secret (which means propeller identity will need access
     * to the secret) and to pass it to the remote execution engine.
     *
     * @generated from field: repeated flyteidl2.core.Secret secrets = 2;
     */
    secrets: Secret[];
    /**
     * AllowAnonymous indicates if the app should be accessible without authentication. This assumes the app will handle
     * its own authentication or that it's a public app.
     *
     * @generated from field: bool allow_anonymous = 5;
     */
    allowAnonymous: boolean;
};
/**
 * Describes the message flyteidl2.app.SecurityContext.
 * Use `create(SecurityContextSchema)` to create a new message.
 */
export declare const SecurityContextSchema: GenMessage<SecurityContext>;
/**
 * @generated from message flyteidl2.app.ImageSpec
 */
export type ImageSpec = Message<"flyteidl2.app.ImageSpec"> & {
    /**
     * Tag of the image.
     *
     * @generated from field: string tag = 1;
     */
    tag: string;
    /**
     * URL of the build job for the image.
     *
     * @generated from field: string build_job_url = 2;
     */
    buildJobUrl: string;
};
/**
 * Describes the message flyteidl2.app.ImageSpec.
 * Use `create(ImageSpecSchema)` to create a new message.
 */
export declare const ImageSpecSchema: GenMessage<ImageSpec>;
/**
 * @generated from message flyteidl2.app.ImageSpecSet
 */
export type ImageSpecSet = Message<"flyteidl2.app.ImageSpecSet"> & {
    /**
     * List of image specifications.
     *
     * @generated from field: repeated flyteidl2.app.ImageSpec images = 1;
     */
    images: ImageSpec[];
};
/**
 * Describes the message flyteidl2.app.ImageSpecSet.
 * Use `create(ImageSpecSetSchema)` to create a new message.
 */
export declare const ImageSpecSetSchema: GenMessage<ImageSpecSet>;
/**
 * Represents the ingress configuration of an app.
 *
 * @generated from message flyteidl2.app.IngressConfig
 */
export type IngressConfig = Message<"flyteidl2.app.IngressConfig"> & {
    /**
     * Indicates if the app should be private.
     *
     * @generated from field: bool private = 1;
     */
    private: boolean;
    /**
     * Subdomain for the app. If not specified, a random subdomain will be generated.
     *
     * @generated from field: string subdomain = 2;
     */
    subdomain: string;
    /**
     * Canonical name (CNAME) for the app.
     *
     * @generated from field: string cname = 3;
     */
    cname: string;
};
/**
 * Describes the message flyteidl2.app.IngressConfig.
 * Use `create(IngressConfigSchema)` to create a new message.
 */
export declare const IngressConfigSchema: GenMessage<IngressConfig>;
/**
 * Represents the autoscaling configuration of an app.
 *
 * @generated from message flyteidl2.app.AutoscalingConfig
 */
export type AutoscalingConfig = Message<"flyteidl2.app.AutoscalingConfig"> & {
    /**
     * Configuration for the number of replicas.
     *
     * @generated from field: flyteidl2.app.Replicas replicas = 1;
     */
    replicas?: Replicas;
    /**
     * The period for scaling down the object.
     *
     * @generated from field: google.protobuf.Duration scaledown_period = 2;
     */
    scaledownPeriod?: Duration;
    /**
     * Metric for scaling the app.
     *
     * @generated from field: flyteidl2.app.ScalingMetric scaling_metric = 3;
     */
    scalingMetric?: ScalingMetric;
};
/**
 * Describes the message flyteidl2.app.AutoscalingConfig.
 * Use `create(AutoscalingConfigSchema)` to create a new message.
 */
export declare const AutoscalingConfigSchema: GenMessage<AutoscalingConfig>;
/**
 * ScalingMetric allows different scaling strategies for the app.
 * See: https://knative.dev/docs/serving/autoscaling/autoscaling-metrics/
 *
 * @generated from message flyteidl2.app.ScalingMetric
 */
export type ScalingMetric = Message<"flyteidl2.app.ScalingMetric"> & {
    /**
     * @generated from oneof flyteidl2.app.ScalingMetric.metric
     */
    metric: {
        /**
         * Configuration for scaling based on request rate.
         *
         * @generated from field: flyteidl2.app.RequestRate request_rate = 1;
         */
        value: RequestRate;
        case: "requestRate";
    } | {
        /**
         * Configuration for scaling based on concurrency.
         *
         * @generated from field: flyteidl2.app.Concurrency concurrency = 2;
         */
        value: Concurrency;
        case: "concurrency";
    } | {
        case: undefined;
        value?: undefined;
    };
};
/**
 * Describes the message flyteidl2.app.ScalingMetric.
 * Use `create(ScalingMetricSchema)` to create a new message.
 */
export declare const ScalingMetricSchema: GenMessage<ScalingMetric>;
/**
 * This section enables scaling based on the request concurrency. Concurrency calculates how many
 * requests are being processed at the same time. This is useful for apps that take longer to process
 * requests (e.g. seconds)
 * The autoscaler has a default window of 60 seconds to calculate the concurrency value. However, it has
 * panic mode that kicks in if the request rate jumps to 2x its value within 6 seconds. If that's
 * triggered, it'll start scaling up immediately instead of waiting for the full 60 seconds.
 *
 * @generated from message flyteidl2.app.Concurrency
 */
export type Concurrency = Message<"flyteidl2.app.Concurrency"> & {
    /**
     * This is the target value for the scaling configuration.
     * default=100
     *
     * @generated from field: uint32 target_value = 1;
     */
    targetValue: number;
};
/**
 * Describes the message flyteidl2.app.Concurrency.
 * Use `create(ConcurrencySchema)` to create a new message.
 */
export declare const ConcurrencySchema: GenMessage<Concurrency>;
/**
 * RequestRate enables scaling based on the request rate. Request rate calculates how many requests
 * the app is receiving per second.
 * The autoscaler has a default window of 60 seconds to calculate the request rate. However, it has
 * panic mode that kicks in if the request rate jumps to 2x its value within 6 seconds. If that's
 * triggered, it'll start scaling up immediately instead of waiting for the full 60 seconds.
 *
 * @generated from message flyteidl2.app.RequestRate
 */
export type RequestRate = Message<"flyteidl2.app.RequestRate"> & {
    /**
     * This is the target value for the scaling configuration.
     * default=100
     *
     * @generated from field: uint32 target_value = 1;
     */
    targetValue: number;
};
/**
 * Describes the message flyteidl2.app.RequestRate.
 * Use `create(RequestRateSchema)` to create a new message.
 */
export declare const RequestRateSchema: GenMessage<RequestRate>;
/**
 * Represents the configuration for the number of replicas.
 *
 * @generated from message flyteidl2.app.Replicas
 */
export type Replicas = Message<"flyteidl2.app.Replicas"> & {
    /**
     * Minimum number of replicas.
     *
     * @generated from field: uint32 min = 1;
     */
    min: number;
    /**
     * Maximum number of replicas.
     *
     * @generated from field: uint32 max = 2;
     */
    max: number;
};
/**
 * Describes the message flyteidl2.app.Replicas.
 * Use `create(ReplicasSchema)` to create a new message.
 */
export declare const ReplicasSchema: GenMessage<Replicas>;
/**
 * @generated from message flyteidl2.app.TimeoutConfig
 */
export type TimeoutConfig = Message<"flyteidl2.app.TimeoutConfig"> & {
    /**
     * This is the maximum duration that the request instance
     * is allowed to respond to a request. If unspecified, a system default will
     * be provided.
     * default=300s
     *
     * @generated from field: google.protobuf.Duration request_timeout = 1;
     */
    requestTimeout?: Duration;
};
/**
 * Describes the message flyteidl2.app.TimeoutConfig.
 * Use `create(TimeoutConfigSchema)` to create a new message.
 */
export declare const TimeoutConfigSchema: GenMessage<TimeoutConfig>;
