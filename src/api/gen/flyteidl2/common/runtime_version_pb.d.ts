import type { GenEnum, GenFile, GenMessage } from "@bufbuild/protobuf/codegenv1";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file flyteidl2/common/runtime_version.proto.
 */
export declare const file_flyteidl2_common_runtime_version: GenFile;
/**
 * Runtime information. This is loosely defined to allow for extensibility.
 *
 * @generated from message flyteidl2.common.RuntimeMetadata
 */
export type RuntimeMetadata = Message<"flyteidl2.common.RuntimeMetadata"> & {
    /**
     * Type of runtime.
     *
     * @generated from field: flyteidl2.common.RuntimeMetadata.RuntimeType type = 1;
     */
    type: RuntimeMetadata_RuntimeType;
    /**
     * Version of the runtime. All versions should be backward compatible. However, certain cases call for version
     * checks to ensure tighter validation or setting expectations.
     *
     * @generated from field: string version = 2;
     */
    version: string;
    /**
     * +optional It can be used to provide extra information about the runtime (e.g. python, golang... etc.).
     *
     * @generated from field: string flavor = 3;
     */
    flavor: string;
};
/**
 * Describes the message flyteidl2.common.RuntimeMetadata.
 * Use `create(RuntimeMetadataSchema)` to create a new message.
 */
export declare const RuntimeMetadataSchema: GenMessage<RuntimeMetadata>;
/**
 * @generated from enum flyteidl2.common.RuntimeMetadata.RuntimeType
 */
export declare enum RuntimeMetadata_RuntimeType {
    /**
     * @generated from enum value: OTHER = 0;
     */
    OTHER = 0,
    /**
     * @generated from enum value: FLYTE_SDK = 1;
     */
    FLYTE_SDK = 1,
    /**
     * @generated from enum value: UNION_SDK = 2;
     */
    UNION_SDK = 2
}
/**
 * Describes the enum flyteidl2.common.RuntimeMetadata.RuntimeType.
 */
export declare const RuntimeMetadata_RuntimeTypeSchema: GenEnum<RuntimeMetadata_RuntimeType>;
