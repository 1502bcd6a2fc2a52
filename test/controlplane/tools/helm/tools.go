//go:build tools

// Package tools pins the command this module builds; see test/controlplane/binaries.ts.
package tools

import _ "helm.sh/helm/v3/cmd/helm"
