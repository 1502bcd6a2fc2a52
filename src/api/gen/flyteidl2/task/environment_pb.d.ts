import type { GenFile, GenMessage } from "@bufbuild/protobuf/codegenv1";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file flyteidl2/task/environment.proto.
 */
export declare const file_flyteidl2_task_environment: GenFile;
/**
 * Environment for a task.
 *
 * @generated from message flyteidl2.task.Environment
 */
export type Environment = Message<"flyteidl2.task.Environment"> & {
    /**
     * Name of the environment.
     *
     * @generated from field: string name = 1;
     */
    name: string;
    /**
     * Description of environment
     *
     * @generated from field: string description = 2;
     */
    description: string;
};
/**
 * Describes the message flyteidl2.task.Environment.
 * Use `create(EnvironmentSchema)` to create a new message.
 */
export declare const EnvironmentSchema: GenMessage<Environment>;
