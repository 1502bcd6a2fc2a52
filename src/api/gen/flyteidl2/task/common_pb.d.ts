import type { GenEnum, GenFile, GenMessage } from "@bufbuild/protobuf/codegenv1";
import type { Parameter } from "../core/interface_pb.ts";
import type { KeyValuePair, Literal } from "../core/literals_pb.ts";
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file flyteidl2/task/common.proto.
 */
export declare const file_flyteidl2_task_common: GenFile;
/**
 * @generated from message flyteidl2.task.NamedParameter
 */
export type NamedParameter = Message<"flyteidl2.task.NamedParameter"> & {
    /**
     * @generated from field: string name = 1;
     */
    name: string;
    /**
     * @generated from field: flyteidl2.core.Parameter parameter = 2;
     */
    parameter?: Parameter;
};
/**
 * Describes the message flyteidl2.task.NamedParameter.
 * Use `create(NamedParameterSchema)` to create a new message.
 */
export declare const NamedParameterSchema: GenMessage<NamedParameter>;
/**
 * Option for schedules run at a certain frequency e.g. every 2 minutes.
 *
 * @generated from message flyteidl2.task.FixedRate
 */
export type FixedRate = Message<"flyteidl2.task.FixedRate"> & {
    /**
     * @generated from field: uint32 value = 1;
     */
    value: number;
    /**
     * @generated from field: flyteidl2.task.FixedRateUnit unit = 2;
     */
    unit: FixedRateUnit;
    /**
     * Optional, timestamp after which rate should be calculated. Can be only in future.
     * E.g. We create a rate schedule "every 5 minutes" with start_time="12:00" inactive.
     * Activate it at "12:04".
     * Trigger should fire at "12:05" as it adds 5 minutes to start_time="12:00".
     *
     * @generated from field: google.protobuf.Timestamp start_time = 3;
     */
    startTime?: Timestamp;
};
/**
 * Describes the message flyteidl2.task.FixedRate.
 * Use `create(FixedRateSchema)` to create a new message.
 */
export declare const FixedRateSchema: GenMessage<FixedRate>;
/**
 * @generated from message flyteidl2.task.Cron
 */
export type Cron = Message<"flyteidl2.task.Cron"> & {
    /**
     * Uses AWS syntax: Minutes Hours Day-of-month Month Day-of-week Year
     * e.g. for a schedule that runs every 15 minutes: 0/15 * * * ? *
     *
     * @generated from field: string expression = 1;
     */
    expression: string;
    /**
     * default is UTC
     *
     * @generated from field: string timezone = 2;
     */
    timezone: string;
};
/**
 * Describes the message flyteidl2.task.Cron.
 * Use `create(CronSchema)` to create a new message.
 */
export declare const CronSchema: GenMessage<Cron>;
/**
 * Defines complete set of information required to trigger an execution on a schedule.
 *
 * @generated from message flyteidl2.task.Schedule
 */
export type Schedule = Message<"flyteidl2.task.Schedule"> & {
    /**
     * @generated from oneof flyteidl2.task.Schedule.expression
     */
    expression: {
        /**
         * @generated from field: flyteidl2.task.FixedRate rate = 1;
         */
        value: FixedRate;
        case: "rate";
    } | {
        /**
         * @generated from field: string cron_expression = 2 [deprecated = true];
         * @deprecated
         */
        value: string;
        case: "cronExpression";
    } | {
        /**
         * @generated from field: flyteidl2.task.Cron cron = 4;
         */
        value: Cron;
        case: "cron";
    } | {
        case: undefined;
        value?: undefined;
    };
    /**
     * Name of the input variable that the kickoff time will be supplied to when the workflow is kicked off.
     *
     * @generated from field: string kickoff_time_input_arg = 3;
     */
    kickoffTimeInputArg: string;
};
/**
 * Describes the message flyteidl2.task.Schedule.
 * Use `create(ScheduleSchema)` to create a new message.
 */
export declare const ScheduleSchema: GenMessage<Schedule>;
/**
 * @generated from message flyteidl2.task.TriggerAutomationSpec
 */
export type TriggerAutomationSpec = Message<"flyteidl2.task.TriggerAutomationSpec"> & {
    /**
     * Explicitly defines trigger automation type.
     *
     * @generated from field: flyteidl2.task.TriggerAutomationSpecType type = 1;
     */
    type: TriggerAutomationSpecType;
    /**
     * @generated from oneof flyteidl2.task.TriggerAutomationSpec.automation
     */
    automation: {
        /**
         * @generated from field: flyteidl2.task.Schedule schedule = 2;
         */
        value: Schedule;
        case: "schedule";
    } | {
        case: undefined;
        value?: undefined;
    };
};
/**
 * Describes the message flyteidl2.task.TriggerAutomationSpec.
 * Use `create(TriggerAutomationSpecSchema)` to create a new message.
 */
export declare const TriggerAutomationSpecSchema: GenMessage<TriggerAutomationSpec>;
/**
 * Named literal value.
 *
 * @generated from message flyteidl2.task.NamedLiteral
 */
export type NamedLiteral = Message<"flyteidl2.task.NamedLiteral"> & {
    /**
     * Name of the literal.
     *
     * @generated from field: string name = 1;
     */
    name: string;
    /**
     * Literal value.
     *
     * @generated from field: flyteidl2.core.Literal value = 2;
     */
    value?: Literal;
};
/**
 * Describes the message flyteidl2.task.NamedLiteral.
 * Use `create(NamedLiteralSchema)` to create a new message.
 */
export declare const NamedLiteralSchema: GenMessage<NamedLiteral>;
/**
 * Output references.
 *
 * @generated from message flyteidl2.task.OutputReferences
 */
export type OutputReferences = Message<"flyteidl2.task.OutputReferences"> & {
    /**
     * The output uri.
     *
     * @generated from field: string output_uri = 1;
     */
    outputUri: string;
    /**
     * Native URI to HTML report
     *
     * @generated from field: string report_uri = 2;
     */
    reportUri: string;
};
/**
 * Describes the message flyteidl2.task.OutputReferences.
 * Use `create(OutputReferencesSchema)` to create a new message.
 */
export declare const OutputReferencesSchema: GenMessage<OutputReferences>;
/**
 * Input payload for an action.
 *
 * @generated from message flyteidl2.task.Inputs
 */
export type Inputs = Message<"flyteidl2.task.Inputs"> & {
    /**
     * Ordered inputs. THIS FIELD MUST REMAIN FIRST as this would break Run service assumptions if it were to move.
     *
     * @generated from field: repeated flyteidl2.task.NamedLiteral literals = 1;
     */
    literals: NamedLiteral[];
    /**
     * Context for the action. If an action receives context, it'll automatically pass it to any actions it spawns.
     * Context will not be used for cache key computation.
     * Examples for context include:
     *  - User-provided metadata that is not part of the action's inputs.
     *  - Information about the environment the action is running in (e.g. cluster, region, etc.)
     *  - Tracing information about the action
     *
     * @generated from field: repeated flyteidl2.core.KeyValuePair context = 2;
     */
    context: KeyValuePair[];
};
/**
 * Describes the message flyteidl2.task.Inputs.
 * Use `create(InputsSchema)` to create a new message.
 */
export declare const InputsSchema: GenMessage<Inputs>;
/**
 * Output payload for an action.
 *
 * @generated from message flyteidl2.task.Outputs
 */
export type Outputs = Message<"flyteidl2.task.Outputs"> & {
    /**
     * Ordered outputs. THIS FIELD MUST REMAIN FIRST as this would break Run service assumptions if it were to move.
     *
     * @generated from field: repeated flyteidl2.task.NamedLiteral literals = 1;
     */
    literals: NamedLiteral[];
};
/**
 * Describes the message flyteidl2.task.Outputs.
 * Use `create(OutputsSchema)` to create a new message.
 */
export declare const OutputsSchema: GenMessage<Outputs>;
/**
 * Represents a frequency at which to run a schedule.
 *
 * @generated from enum flyteidl2.task.FixedRateUnit
 */
export declare enum FixedRateUnit {
    /**
     * @generated from enum value: FIXED_RATE_UNIT_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * @generated from enum value: FIXED_RATE_UNIT_MINUTE = 1;
     */
    MINUTE = 1,
    /**
     * @generated from enum value: FIXED_RATE_UNIT_HOUR = 2;
     */
    HOUR = 2,
    /**
     * @generated from enum value: FIXED_RATE_UNIT_DAY = 3;
     */
    DAY = 3
}
/**
 * Describes the enum flyteidl2.task.FixedRateUnit.
 */
export declare const FixedRateUnitSchema: GenEnum<FixedRateUnit>;
/**
 * @generated from enum flyteidl2.task.TriggerAutomationSpecType
 */
export declare enum TriggerAutomationSpecType {
    /**
     * @generated from enum value: TYPE_UNSPECIFIED = 0;
     */
    TYPE_UNSPECIFIED = 0,
    /**
     * @generated from enum value: TYPE_NONE = 1;
     */
    TYPE_NONE = 1,
    /**
     * @generated from enum value: TYPE_SCHEDULE = 2;
     */
    TYPE_SCHEDULE = 2
}
/**
 * Describes the enum flyteidl2.task.TriggerAutomationSpecType.
 */
export declare const TriggerAutomationSpecTypeSchema: GenEnum<TriggerAutomationSpecType>;
