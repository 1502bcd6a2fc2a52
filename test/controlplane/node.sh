#!/usr/bin/env bash
# The test node's first process (PID 1 of its own PID and mount namespaces; see node.ts):
#   bash node.sh <node dir> <log dir> <containerd args...> -- <kubelet binary> <kubelet args...>
# Makes /run, /var/lib/kubelet, /var/lib/cni and /var/log private (bound to folders of the node dir), resolves names
# through loopback only, puts read-only files holding the values the kubelet wants over the three sysctls it would
# otherwise set on the host, starts containerd, then the kubelet once containerd's socket exists, and ends when either
# of them ends: the kernel then kills everything left in the namespace, and every mount made inside it disappears.
set -eu
dir=$1
logs=$2
shift 2
containerd_args=()
while [ "$1" != "--" ]; do
  containerd_args+=("$1")
  shift
done
shift
mount --make-rprivate /
for path in /run /var/lib/kubelet /var/lib/cni /var/log; do
  mkdir -p "$path" "$dir/mounts$path"
  mount --bind "$dir/mounts$path" "$path"
done
# No name leaves this machine: containerd (an image pull of a pod whose pull policy is not Never) and the kubelet
# resolve names only through loopback, where nothing answers, so no registry outside loopback is ever dialled.
printf 'nameserver 127.0.0.1\noptions attempts:1 timeout:1\n' >"$dir/resolv.conf.node"
mount --bind "$dir/resolv.conf.node" /etc/resolv.conf
for entry in vm/overcommit_memory=1 kernel/panic=10 kernel/panic_on_oops=1; do
  name=${entry%%=*}
  file="$dir/sysctl/${name//\//_}"
  printf '%s\n' "${entry#*=}" >"$file"
  mount --bind "$file" "/proc/sys/$name"
  mount -o remount,bind,ro "/proc/sys/$name"
done
containerd "${containerd_args[@]}" >>"$logs/node-containerd.log" 2>&1 &
for _ in $(seq 1 600); do
  [ -S "$dir/containerd.sock" ] && break
  sleep 0.05
done
"$@" >>"$logs/node-kubelet.log" 2>&1 &
wait -n
echo "a node process ended; stopping the node" >&2
