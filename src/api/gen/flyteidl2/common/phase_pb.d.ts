import type { GenEnum, GenFile } from "@bufbuild/protobuf/codegenv1";
/**
 * Describes the file flyteidl2/common/phase.proto.
 */
export declare const file_flyteidl2_common_phase: GenFile;
/**
 * ActionPhase represents the execution state of an action.
 *
 * Phase transitions follow this typical flow:
 * QUEUED -> WAITING_FOR_RESOURCES -> INITIALIZING -> RUNNING -> {SUCCEEDED|FAILED|ABORTED|TIMED_OUT}
 * Condition actions: PAUSED -> {SUCCEEDED(signal)|TIMED_OUT(timeout)|ABORTED(abort)}
 *
 * @generated from enum flyteidl2.common.ActionPhase
 */
export declare enum ActionPhase {
    /**
     * Default/unknown phase
     *
     * @generated from enum value: ACTION_PHASE_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * Action has been accepted and is waiting to be scheduled
     *
     * @generated from enum value: ACTION_PHASE_QUEUED = 1;
     */
    QUEUED = 1,
    /**
     * Action is scheduled but waiting for compute resources to become available
     *
     * @generated from enum value: ACTION_PHASE_WAITING_FOR_RESOURCES = 2;
     */
    WAITING_FOR_RESOURCES = 2,
    /**
     * Resources have been allocated and the action is being set up
     *
     * @generated from enum value: ACTION_PHASE_INITIALIZING = 3;
     */
    INITIALIZING = 3,
    /**
     * Action is actively executing
     *
     * @generated from enum value: ACTION_PHASE_RUNNING = 4;
     */
    RUNNING = 4,
    /**
     * Action completed successfully
     *
     * @generated from enum value: ACTION_PHASE_SUCCEEDED = 5;
     */
    SUCCEEDED = 5,
    /**
     * Action failed during execution
     *
     * @generated from enum value: ACTION_PHASE_FAILED = 6;
     */
    FAILED = 6,
    /**
     * Action was manually terminated or cancelled
     *
     * @generated from enum value: ACTION_PHASE_ABORTED = 7;
     */
    ABORTED = 7,
    /**
     * Action exceeded its execution time limit
     *
     * @generated from enum value: ACTION_PHASE_TIMED_OUT = 8;
     */
    TIMED_OUT = 8,
    /**
     * Action is paused and waiting for an external signal (condition actions)
     *
     * @generated from enum value: ACTION_PHASE_PAUSED = 9;
     */
    PAUSED = 9
}
/**
 * Describes the enum flyteidl2.common.ActionPhase.
 */
export declare const ActionPhaseSchema: GenEnum<ActionPhase>;
