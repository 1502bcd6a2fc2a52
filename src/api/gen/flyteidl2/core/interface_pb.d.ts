import type { GenFile, GenMessage } from "@bufbuild/protobuf/codegenv1";
import type { ArtifactID, ArtifactQuery, ArtifactTag } from "./artifact_id_pb.ts";
import type { Literal } from "./literals_pb.ts";
import type { LiteralType } from "./types_pb.ts";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file flyteidl2/core/interface.proto.
 */
export declare const file_flyteidl2_core_interface: GenFile;
/**
 * Defines a strongly typed variable.
 *
 * @generated from message flyteidl2.core.Variable
 */
export type Variable = Message<"flyteidl2.core.Variable"> & {
    /**
     * Variable literal type.
     *
     * @generated from field: flyteidl2.core.LiteralType type = 1;
     */
    type?: LiteralType;
    /**
     * +optional string describing input variable
     *
     * @generated from field: string description = 2;
     */
    description: string;
    /**
     * +optional This object allows the user to specify how Artifacts are created.
     * name, tag, partitions can be specified. The other fields (version and project/domain) are ignored.
     *
     * @generated from field: flyteidl2.core.ArtifactID artifact_partial_id = 3;
     */
    artifactPartialId?: ArtifactID;
    /**
     * @generated from field: flyteidl2.core.ArtifactTag artifact_tag = 4;
     */
    artifactTag?: ArtifactTag;
};
/**
 * Describes the message flyteidl2.core.Variable.
 * Use `create(VariableSchema)` to create a new message.
 */
export declare const VariableSchema: GenMessage<Variable>;
/**
 * Defines a single entity for variable.
 *
 * @generated from message flyteidl2.core.VariableEntry
 */
export type VariableEntry = Message<"flyteidl2.core.VariableEntry"> & {
    /**
     * @generated from field: string key = 1;
     */
    key: string;
    /**
     * @generated from field: flyteidl2.core.Variable value = 2;
     */
    value?: Variable;
};
/**
 * Describes the message flyteidl2.core.VariableEntry.
 * Use `create(VariableEntrySchema)` to create a new message.
 */
export declare const VariableEntrySchema: GenMessage<VariableEntry>;
/**
 * A map of Variables
 *
 * @generated from message flyteidl2.core.VariableMap
 */
export type VariableMap = Message<"flyteidl2.core.VariableMap"> & {
    /**
     * Use repeated key value pair to maintain ordering across different languages.
     *
     * @generated from field: repeated flyteidl2.core.VariableEntry variables = 1;
     */
    variables: VariableEntry[];
};
/**
 * Describes the message flyteidl2.core.VariableMap.
 * Use `create(VariableMapSchema)` to create a new message.
 */
export declare const VariableMapSchema: GenMessage<VariableMap>;
/**
 * Defines strongly typed inputs and outputs.
 *
 * @generated from message flyteidl2.core.TypedInterface
 */
export type TypedInterface = Message<"flyteidl2.core.TypedInterface"> & {
    /**
     * @generated from field: flyteidl2.core.VariableMap inputs = 1;
     */
    inputs?: VariableMap;
    /**
     * @generated from field: flyteidl2.core.VariableMap outputs = 2;
     */
    outputs?: VariableMap;
};
/**
 * Describes the message flyteidl2.core.TypedInterface.
 * Use `create(TypedInterfaceSchema)` to create a new message.
 */
export declare const TypedInterfaceSchema: GenMessage<TypedInterface>;
/**
 * A parameter is used as input to a launch plan and has
 * the special ability to have a default value or mark itself as required.
 *
 * @generated from message flyteidl2.core.Parameter
 */
export type Parameter = Message<"flyteidl2.core.Parameter"> & {
    /**
     * +required Variable. Defines the type of the variable backing this parameter.
     *
     * @generated from field: flyteidl2.core.Variable var = 1;
     */
    var?: Variable;
    /**
     * +optional
     *
     * @generated from oneof flyteidl2.core.Parameter.behavior
     */
    behavior: {
        /**
         * Defines a default value that has to match the variable type defined.
         *
         * @generated from field: flyteidl2.core.Literal default = 2;
         */
        value: Literal;
        case: "default";
    } | {
        /**
         * +optional, is this value required to be filled.
         *
         * @generated from field: bool required = 3;
         */
        value: boolean;
        case: "required";
    } | {
        /**
         * This is an execution time search basically that should result in exactly one Artifact with a Type that
         * matches the type of the variable.
         *
         * @generated from field: flyteidl2.core.ArtifactQuery artifact_query = 4;
         */
        value: ArtifactQuery;
        case: "artifactQuery";
    } | {
        /**
         * @generated from field: flyteidl2.core.ArtifactID artifact_id = 5;
         */
        value: ArtifactID;
        case: "artifactId";
    } | {
        case: undefined;
        value?: undefined;
    };
};
/**
 * Describes the message flyteidl2.core.Parameter.
 * Use `create(ParameterSchema)` to create a new message.
 */
export declare const ParameterSchema: GenMessage<Parameter>;
/**
 * A map of Parameters.
 *
 * @generated from message flyteidl2.core.ParameterMap
 */
export type ParameterMap = Message<"flyteidl2.core.ParameterMap"> & {
    /**
     * Defines a map of parameter names to parameters.
     *
     * @generated from field: map<string, flyteidl2.core.Parameter> parameters = 1;
     */
    parameters: {
        [key: string]: Parameter;
    };
};
/**
 * Describes the message flyteidl2.core.ParameterMap.
 * Use `create(ParameterMapSchema)` to create a new message.
 */
export declare const ParameterMapSchema: GenMessage<ParameterMap>;
