import type { GenEnum, GenFile, GenMessage } from "@bufbuild/protobuf/codegenv1";
import type { RunIdentifier } from "../common/identifier_pb.ts";
import type { ActionPhase } from "../common/phase_pb.ts";
import type { Message } from "@bufbuild/protobuf";
/**
 * Describes the file flyteidl2/notification/definition.proto.
 */
export declare const file_flyteidl2_notification_definition: GenFile;
/**
 * @generated from message flyteidl2.notification.DeliveryConfigTemplate
 */
export type DeliveryConfigTemplate = Message<"flyteidl2.notification.DeliveryConfigTemplate"> & {
    /**
     * @generated from field: flyteidl2.notification.WebhookDeliveryTemplate webhook = 1;
     */
    webhook?: WebhookDeliveryTemplate;
    /**
     * @generated from field: flyteidl2.notification.EmailDeliveryTemplate email = 2;
     */
    email?: EmailDeliveryTemplate;
};
/**
 * Describes the message flyteidl2.notification.DeliveryConfigTemplate.
 * Use `create(DeliveryConfigTemplateSchema)` to create a new message.
 */
export declare const DeliveryConfigTemplateSchema: GenMessage<DeliveryConfigTemplate>;
/**
 * @generated from message flyteidl2.notification.RunCompletedNotificationTemplateData
 */
export type RunCompletedNotificationTemplateData = Message<"flyteidl2.notification.RunCompletedNotificationTemplateData"> & {
    /**
     * @generated from field: flyteidl2.common.RunIdentifier run = 1;
     */
    run?: RunIdentifier;
    /**
     * @generated from field: flyteidl2.common.ActionPhase phase = 2;
     */
    phase: ActionPhase;
    /**
     * @generated from field: string error = 3;
     */
    error: string;
};
/**
 * Describes the message flyteidl2.notification.RunCompletedNotificationTemplateData.
 * Use `create(RunCompletedNotificationTemplateDataSchema)` to create a new message.
 */
export declare const RunCompletedNotificationTemplateDataSchema: GenMessage<RunCompletedNotificationTemplateData>;
/**
 * @generated from message flyteidl2.notification.WebhookDeliveryTemplate
 */
export type WebhookDeliveryTemplate = Message<"flyteidl2.notification.WebhookDeliveryTemplate"> & {
    /**
     * @generated from field: string url = 1;
     */
    url: string;
    /**
     * @generated from field: flyteidl2.notification.HttpMethod method = 2;
     */
    method: HttpMethod;
    /**
     * @generated from field: map<string, string> headers = 3;
     */
    headers: {
        [key: string]: string;
    };
    /**
     * this is a Go template that may contain placeholders
     *
     * @generated from field: string body_template = 4;
     */
    bodyTemplate: string;
};
/**
 * Describes the message flyteidl2.notification.WebhookDeliveryTemplate.
 * Use `create(WebhookDeliveryTemplateSchema)` to create a new message.
 */
export declare const WebhookDeliveryTemplateSchema: GenMessage<WebhookDeliveryTemplate>;
/**
 * @generated from message flyteidl2.notification.EmailRecipient
 */
export type EmailRecipient = Message<"flyteidl2.notification.EmailRecipient"> & {
    /**
     * @generated from field: string name = 1;
     */
    name: string;
    /**
     * @generated from field: string address = 2;
     */
    address: string;
};
/**
 * Describes the message flyteidl2.notification.EmailRecipient.
 * Use `create(EmailRecipientSchema)` to create a new message.
 */
export declare const EmailRecipientSchema: GenMessage<EmailRecipient>;
/**
 * InlineEmailTemplate contains subject and body content rendered by the
 * notification system using Go templates.
 *
 * @generated from message flyteidl2.notification.InlineEmailTemplate
 */
export type InlineEmailTemplate = Message<"flyteidl2.notification.InlineEmailTemplate"> & {
    /**
     * this is a Go template that may contain placeholders
     *
     * @generated from field: string subject = 1;
     */
    subject: string;
    /**
     * this is a Go template that may contain placeholders
     *
     * @generated from field: string html_template = 2;
     */
    htmlTemplate: string;
    /**
     * this is a Go template that may contain placeholders
     *
     * @generated from field: string text_template = 3;
     */
    textTemplate: string;
};
/**
 * Describes the message flyteidl2.notification.InlineEmailTemplate.
 * Use `create(InlineEmailTemplateSchema)` to create a new message.
 */
export declare const InlineEmailTemplateSchema: GenMessage<InlineEmailTemplate>;
/**
 * ProviderEmailTemplate references an externally managed email template owned
 * by an email provider.
 *
 * @generated from message flyteidl2.notification.ProviderEmailTemplate
 */
export type ProviderEmailTemplate = Message<"flyteidl2.notification.ProviderEmailTemplate"> & {
    /**
     * Template ID is interpreted by the configured email provider.
     *
     * @generated from field: string template_id = 1;
     */
    templateId: string;
    /**
     * Template data contains provider-defined key/value pairs used when rendering
     * an externally managed email template, for example dynamic template
     * variables referenced by the provider template's subject or body.
     *
     * @generated from field: map<string, string> template_data = 2;
     */
    templateData: {
        [key: string]: string;
    };
};
/**
 * Describes the message flyteidl2.notification.ProviderEmailTemplate.
 * Use `create(ProviderEmailTemplateSchema)` to create a new message.
 */
export declare const ProviderEmailTemplateSchema: GenMessage<ProviderEmailTemplate>;
/**
 * @generated from message flyteidl2.notification.EmailDeliveryTemplate
 */
export type EmailDeliveryTemplate = Message<"flyteidl2.notification.EmailDeliveryTemplate"> & {
    /**
     * @generated from field: repeated flyteidl2.notification.EmailRecipient to = 1;
     */
    to: EmailRecipient[];
    /**
     * @generated from field: repeated flyteidl2.notification.EmailRecipient cc = 2;
     */
    cc: EmailRecipient[];
    /**
     * @generated from field: repeated flyteidl2.notification.EmailRecipient bcc = 3;
     */
    bcc: EmailRecipient[];
    /**
     * Content may be provided either inline or via an external provider template.
     *
     * @generated from oneof flyteidl2.notification.EmailDeliveryTemplate.content
     */
    content: {
        /**
         * @generated from field: flyteidl2.notification.InlineEmailTemplate inline = 4;
         */
        value: InlineEmailTemplate;
        case: "inline";
    } | {
        /**
         * @generated from field: flyteidl2.notification.ProviderEmailTemplate provider_template = 5;
         */
        value: ProviderEmailTemplate;
        case: "providerTemplate";
    } | {
        case: undefined;
        value?: undefined;
    };
};
/**
 * Describes the message flyteidl2.notification.EmailDeliveryTemplate.
 * Use `create(EmailDeliveryTemplateSchema)` to create a new message.
 */
export declare const EmailDeliveryTemplateSchema: GenMessage<EmailDeliveryTemplate>;
/**
 * @generated from enum flyteidl2.notification.EventType
 */
export declare enum EventType {
    /**
     * @generated from enum value: EVENT_TYPE_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * @generated from enum value: EVENT_TYPE_RUN_COMPLETED = 1;
     */
    RUN_COMPLETED = 1
}
/**
 * Describes the enum flyteidl2.notification.EventType.
 */
export declare const EventTypeSchema: GenEnum<EventType>;
/**
 * @generated from enum flyteidl2.notification.HttpMethod
 */
export declare enum HttpMethod {
    /**
     * @generated from enum value: HTTP_METHOD_UNSPECIFIED = 0;
     */
    UNSPECIFIED = 0,
    /**
     * @generated from enum value: HTTP_METHOD_GET = 1;
     */
    GET = 1,
    /**
     * @generated from enum value: HTTP_METHOD_HEAD = 2;
     */
    HEAD = 2,
    /**
     * @generated from enum value: HTTP_METHOD_POST = 3;
     */
    POST = 3,
    /**
     * @generated from enum value: HTTP_METHOD_PUT = 4;
     */
    PUT = 4,
    /**
     * @generated from enum value: HTTP_METHOD_DELETE = 5;
     */
    DELETE = 5,
    /**
     * @generated from enum value: HTTP_METHOD_CONNECT = 6;
     */
    CONNECT = 6,
    /**
     * @generated from enum value: HTTP_METHOD_OPTIONS = 7;
     */
    OPTIONS = 7,
    /**
     * @generated from enum value: HTTP_METHOD_TRACE = 8;
     */
    TRACE = 8,
    /**
     * @generated from enum value: HTTP_METHOD_PATCH = 9;
     */
    PATCH = 9
}
/**
 * Describes the enum flyteidl2.notification.HttpMethod.
 */
export declare const HttpMethodSchema: GenEnum<HttpMethod>;
