{{/* Names, labels and shared fragments of the flyte-secrets chart. */}}

{{- define "flyte-secrets.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The prefix of every resource name; short enough to leave room for the longest suffix ("-controller"). */}}
{{- define "flyte-secrets.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 50 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 50 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 50 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "flyte-secrets.controller.fullname" -}}
{{- printf "%s-controller" (include "flyte-secrets.fullname" .) }}
{{- end }}

{{- define "flyte-secrets.webhook.fullname" -}}
{{- printf "%s-webhook" (include "flyte-secrets.fullname" .) }}
{{- end }}

{{/* The Secret holding the webhook's tls.crt and tls.key (written by the controller, or by cert-manager). */}}
{{- define "flyte-secrets.webhook.tlsSecret" -}}
{{- printf "%s-webhook-tls" (include "flyte-secrets.fullname" .) }}
{{- end }}

{{/* The MutatingWebhookConfiguration: cluster-scoped, so named after the release. */}}
{{- define "flyte-secrets.webhookConfiguration" -}}
{{- include "flyte-secrets.fullname" . }}
{{- end }}

{{- define "flyte-secrets.leaseName" -}}
{{- include "flyte-secrets.controller.fullname" . }}
{{- end }}

{{/* The installation's id (label secrets.flyte.org/installation on managed Secrets): the value, else the release namespace. */}}
{{- define "flyte-secrets.installation" -}}
{{- default .Release.Namespace .Values.installation }}
{{- end }}

{{/* The controller's username, as the API server sees its ServiceAccount token. */}}
{{- define "flyte-secrets.controller.username" -}}
{{- printf "system:serviceaccount:%s:%s" .Release.Namespace (include "flyte-secrets.controller.fullname" .) }}
{{- end }}

{{- define "flyte-secrets.configMap" -}}
{{- printf "%s-config" (include "flyte-secrets.fullname" .) }}
{{- end }}

{{/*
Control namespaces as a JSON list: the release namespace first (the program keeps the webhook's TLS Secret and its
Lease in the first one, and webhook pods can mount a Secret of their own namespace only), then the extra ones.
*/}}
{{- define "flyte-secrets.controlNamespaces" -}}
{{- toJson (prepend .Values.extraControlNamespaces .Release.Namespace | uniq) }}
{{- end }}

{{- define "flyte-secrets.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "flyte-secrets.selectorLabels" -}}
app.kubernetes.io/name: {{ include "flyte-secrets.name" . }}
app.kubernetes.io/instance: {{ .Release.Name | quote }}
{{- end }}

{{- define "flyte-secrets.labels" -}}
helm.sh/chart: {{ include "flyte-secrets.chart" . }}
{{ include "flyte-secrets.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: flyte-secrets
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* Labels of one component: pass (dict "root" $ "component" "webhook"). */}}
{{- define "flyte-secrets.componentLabels" -}}
{{ include "flyte-secrets.labels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "flyte-secrets.componentSelectorLabels" -}}
{{ include "flyte-secrets.selectorLabels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "flyte-secrets.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/* The cert-manager Certificate of the webhook's serving certificate (for cert-manager.io/inject-ca-from). */}}
{{- define "flyte-secrets.webhook.certificate" -}}
{{- printf "%s-webhook" (include "flyte-secrets.fullname" .) }}
{{- end }}

{{/* DNS names of the webhook Service, as the controller's self-managed certificate covers them. */}}
{{- define "flyte-secrets.webhook.dnsNames" -}}
{{- $svc := include "flyte-secrets.webhook.fullname" . }}
{{- $ns := .Release.Namespace }}
{{- toJson (list $svc (printf "%s.%s" $svc $ns) (printf "%s.%s.svc" $svc $ns) (printf "%s.%s.svc.cluster.local" $svc $ns)) }}
{{- end }}

{{/* The downward-API environment of both components: POD_NAMESPACE is how the program learns its namespace. */}}
{{- define "flyte-secrets.podEnv" -}}
- name: POD_NAMESPACE
  valueFrom:
    fieldRef:
      fieldPath: metadata.namespace
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
{{- end }}
