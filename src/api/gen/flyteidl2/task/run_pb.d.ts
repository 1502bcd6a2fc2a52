import type { GenEnum, GenFile, GenMessage } from "@bufbuild/protobuf/codegenv1";
import type { ActionPhase } from "../common/phase_pb.ts";
import type { KeyValuePair } from "../core/literals_pb.ts";
import type { SecurityContext } from "../core/security_pb.ts";
import type { DeliveryConfigTemplate } from "../notification/definition_pb.ts";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file flyteidl2/task/run.proto.
 */
export declare const file_flyteidl2_task_run: GenFile;
/**
 * Label values to be applied to an execution resource.
 * In the future a mode (e.g. OVERRIDE, APPEND, etc) can be defined
 * to specify how to merge labels defined at registration and execution time.
 *
 * @generated from message flyteidl2.task.Labels
 */
export type Labels = Message<"flyteidl2.task.Labels"> & {
    /**
     * Map of custom labels to be applied to the execution resource.
     *
     * @generated from field: map<string, string> values = 1;
     */
    values: {
        [key: string]: string;
    };
};
/**
 * Describes the message flyteidl2.task.Labels.
 * Use `create(LabelsSchema)` to create a new message.
 */
export declare const LabelsSchema: GenMessage<Labels>;
/**
 * Annotation values to be applied to an execution resource.
 * In the future a mode (e.g. OVERRIDE, APPEND, etc) can be defined
 * to specify how to merge annotations defined at registration and execution time.
 *
 * @generated from message flyteidl2.task.Annotations
 */
export type Annotations = Message<"flyteidl2.task.Annotations"> & {
    /**
     * Map of custom annotations to be applied to the execution resource.
     *
     * @generated from field: map<string, string> values = 1;
     */
    values: {
        [key: string]: string;
    };
};
/**
 * Describes the message flyteidl2.task.Annotations.
 * Use `create(AnnotationsSchema)` to create a new message.
 */
export declare const AnnotationsSchema: GenMessage<Annotations>;
/**
 * Environment variable values to be applied to an execution resource.
 * In the future a mode (e.g. OVERRIDE, APPEND, etc) can be defined
 * to specify how to merge environment variables defined at registration and execution time.
 *
 * @generated from message flyteidl2.task.Envs
 */
export type Envs = Message<"flyteidl2.task.Envs"> & {
    /**
     * Map of custom environment variables to be applied to the execution resource.
     *
     * @generated from field: repeated flyteidl2.core.KeyValuePair values = 1;
     */
    values: KeyValuePair[];
};
/**
 * Describes the message flyteidl2.task.Envs.
 * Use `create(EnvsSchema)` to create a new message.
 */
export declare const EnvsSchema: GenMessage<Envs>;
/**
 * @generated from message flyteidl2.task.RawDataStorage
 */
export type RawDataStorage = Message<"flyteidl2.task.RawDataStorage"> & {
    /**
     * Prefix for where offloaded data from user actions will be written
     * e.g. s3://bucket/key or s3://bucket/
     *
     * @generated from field: string raw_data_prefix = 1;
     */
    rawDataPrefix: string;
};
/**
 * Describes the message flyteidl2.task.RawDataStorage.
 * Use `create(RawDataStorageSchema)` to create a new message.
 */
export declare const RawDataStorageSchema: GenMessage<RawDataStorage>;
/**
 * CacheConfig contains configurations that influence the behavior of cache reads and writes
 *
 * @generated from message flyteidl2.task.CacheConfig
 */
export type CacheConfig = Message<"flyteidl2.task.CacheConfig"> & {
    /**
     * If true, recompute outputs for this run and overwrite any existing cache.
     *
     * @generated from field: bool overwrite_cache = 1;
     */
    overwriteCache: boolean;
    /**
     * CacheLookupScope defines the cache lookup behavior. If left unspecified, the default value from the system config
     * will be used (global unless configured otherwise).
     *
     * @generated from field: flyteidl2.task.CacheLookupScope cache_lookup_scope = 2;
     */
    cacheLookupScope: CacheLookupScope;
};
/**
 * Describes the message flyteidl2.task.CacheConfig.
 * Use `create(CacheConfigSchema)` to create a new message.
 */
export declare const CacheConfigSchema: GenMessage<CacheConfig>;
/**
 * @generated from message flyteidl2.task.RunSpec
 */
export type RunSpec = Message<"flyteidl2.task.RunSpec"> & {
    /**
     * Labels to apply to the run.
     *
     * @generated from field: flyteidl2.task.Labels labels = 1;
     */
    labels?: Labels;
    /**
     * Annotations to apply to the run.
     *
     * @generated from field: flyteidl2.task.Annotations annotations = 2;
     */
    annotations?: Annotations;
    /**
     * Envs to apply to the run.
     *
     * @generated from field: flyteidl2.task.Envs envs = 3;
     */
    envs?: Envs;
    /**
     * Explicit override for executing this run as interruptible or not. If not set, use the default.
     *
     * @generated from field: google.protobuf.BoolValue interruptible = 4;
     */
    interruptible?: boolean;
    /**
     * If true, recompute outputs for this run and overwrite any existing cache.
     * Deprecated, please use CacheConfig.OverwriteCache instead
     *
     * @generated from field: bool overwrite_cache = 5 [deprecated = true];
     * @deprecated
     */
    overwriteCache: boolean;
    /**
     * the specific cluster that this action should be executed on. this value will be used as the
     * default for all actions in the run unless overridden.
     *
     * @generated from field: string cluster = 6;
     */
    cluster: string;
    /**
     * Encapsulates user settings pertaining to offloaded data (i.e. Blobs, Schema, query data, etc.).
     *
     * @generated from field: flyteidl2.task.RawDataStorage raw_data_storage = 7;
     */
    rawDataStorage?: RawDataStorage;
    /**
     * SecurityContext holds security attributes that apply to tasks.
     *
     * @generated from field: flyteidl2.core.SecurityContext security_context = 8;
     */
    securityContext?: SecurityContext;
    /**
     * CacheConfig contains configurations that influence the behavior of cache reads and writes
     *
     * @generated from field: flyteidl2.task.CacheConfig cache_config = 9;
     */
    cacheConfig?: CacheConfig;
    /**
     * Optionally, you can send a notification when your run completes.
     *
     * @generated from oneof flyteidl2.task.RunSpec.notification_settings
     */
    notificationSettings: {
        /**
         * either refer to a previously stored notification rule
         *
         * @generated from field: string notification_rule_name = 10;
         */
        value: string;
        case: "notificationRuleName";
    } | {
        /**
         * either define an inline one-off rule
         *
         * @generated from field: flyteidl2.task.InlineRuleList notification_rules = 11;
         */
        value: InlineRuleList;
        case: "notificationRules";
    } | {
        case: undefined;
        value?: undefined;
    };
};
/**
 * Describes the message flyteidl2.task.RunSpec.
 * Use `create(RunSpecSchema)` to create a new message.
 */
export declare const RunSpecSchema: GenMessage<RunSpec>;
/**
 * @generated from message flyteidl2.task.InlineRuleList
 */
export type InlineRuleList = Message<"flyteidl2.task.InlineRuleList"> & {
    /**
     * @generated from field: repeated flyteidl2.task.InlineRule rules = 1;
     */
    rules: InlineRule[];
};
/**
 * Describes the message flyteidl2.task.InlineRuleList.
 * Use `create(InlineRuleListSchema)` to create a new message.
 */
export declare const InlineRuleListSchema: GenMessage<InlineRuleList>;
/**
 * @generated from message flyteidl2.task.InlineRule
 */
export type InlineRule = Message<"flyteidl2.task.InlineRule"> & {
    /**
     * @generated from field: repeated flyteidl2.common.ActionPhase on_phases = 1;
     */
    onPhases: ActionPhase[];
    /**
     * @generated from oneof flyteidl2.task.InlineRule.delivery
     */
    delivery: {
        /**
         * (run org + delivery_config_name) will be used as a delivery config id
         *
         * @generated from field: string delivery_config_name = 2;
         */
        value: string;
        case: "deliveryConfigName";
    } | {
        /**
         * template can only have fields defined in flyteidl2.notification.RunCompletedNotificationTemplateData
         *
         * @generated from field: flyteidl2.notification.DeliveryConfigTemplate delivery_template = 3;
         */
        value: DeliveryConfigTemplate;
        case: "deliveryTemplate";
    } | {
        case: undefined;
        value?: undefined;
    };
};
/**
 * Describes the message flyteidl2.task.InlineRule.
 * Use `create(InlineRuleSchema)` to create a new message.
 */
export declare const InlineRuleSchema: GenMessage<InlineRule>;
/**
 * @generated from enum flyteidl2.task.CacheLookupScope
 */
export declare enum CacheLookupScope {
    /**
     * CACHE_LOOKUP_SCOPE_UNSPECIFIED instructs cache lookup to follow the default behavior (global unless configured
     * otherwise)
     *
     * @generated from enum value: CACHE_LOOKUP_SCOPE_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * CACHE_LOOKUP_SCOPE_GLOBAL instructs cache lookups to do a global lookup (unless overridden by a system config).
     * This has traditionally been the default behavior. It requires all workloads running in all projects/domains
     * to have access to the same artifacts/buckets. Otherwise it risks runtime failures.
     *
     * @generated from enum value: CACHE_LOOKUP_SCOPE_GLOBAL = 1;
     */
    GLOBAL = 1,
    /**
     * CACHE_LOOKUP_SCOPE_PROJECT_DOMAIN instructs cache lookups to do a project-domain scoped lookup. This ensures
     * data access success at the expense of potentially more cache misses and recomputation happening. This should not
     * be considered a security enforcement (that can happen through the system-wide config).
     *
     * @generated from enum value: CACHE_LOOKUP_SCOPE_PROJECT_DOMAIN = 2;
     */
    PROJECT_DOMAIN = 2
}
/**
 * Describes the enum flyteidl2.task.CacheLookupScope.
 */
export declare const CacheLookupScopeSchema: GenEnum<CacheLookupScope>;
