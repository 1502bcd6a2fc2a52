// The test node's two small programs, built locally (no image registry is reachable): the pod sandbox's pause
// process and a CNI plugin that gives each pod an eth0 entirely inside its own network namespace.
module flyte-secrets/tools/node

go 1.26.0

require (
	github.com/vishvananda/netlink v1.3.1
	github.com/vishvananda/netns v0.0.5
)

require golang.org/x/sys v0.10.0 // indirect
