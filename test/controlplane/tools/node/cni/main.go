// flyte-secrets-cni is the test node's CNI plugin. containerd needs the pod's eth0 to carry an address, and the test
// node must create nothing on the host: so on ADD it makes a veth pair whose two ends both live inside the pod's
// network namespace, gives eth0 an address from a private range (derived from the container id), and brings lo, eth0
// and the peer up. Pods can reach only themselves, which is all the tests need. DEL removes the pair. containerd also
// runs a plugin of type "loopback" in every sandbox: installed under that name too, this program then brings lo up.
package main

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"net"
	"os"

	"github.com/vishvananda/netlink"
	"github.com/vishvananda/netns"
)

const peerName = "fsecpeer0"

type netConf struct {
	CNIVersion string `json:"cniVersion"`
	Name       string `json:"name"`
	Type       string `json:"type"`
}

func main() {
	if err := run(); err != nil {
		conf := netConf{CNIVersion: "0.4.0"}
		_ = json.NewEncoder(os.Stdout).Encode(map[string]any{"cniVersion": conf.CNIVersion, "code": 999, "msg": err.Error()})
		os.Exit(1)
	}
}

func run() error {
	command := os.Getenv("CNI_COMMAND")
	if command == "VERSION" {
		return json.NewEncoder(os.Stdout).Encode(map[string]any{
			"cniVersion":        "0.4.0",
			"supportedVersions": []string{"0.3.0", "0.3.1", "0.4.0", "1.0.0"},
		})
	}
	stdin, err := io.ReadAll(os.Stdin)
	if err != nil {
		return fmt.Errorf("reading the network configuration: %w", err)
	}
	var conf netConf
	if err := json.Unmarshal(stdin, &conf); err != nil {
		return fmt.Errorf("parsing the network configuration: %w", err)
	}
	netnsPath, ifName, containerID := os.Getenv("CNI_NETNS"), os.Getenv("CNI_IFNAME"), os.Getenv("CNI_CONTAINERID")
	switch command {
	case "ADD":
		if conf.Type == "loopback" {
			return loopback(conf, netnsPath)
		}
		return add(conf, netnsPath, ifName, containerID)
	case "DEL":
		if conf.Type != "loopback" {
			del(netnsPath, ifName)
		}
		return nil
	case "CHECK", "GC", "STATUS":
		return nil
	default:
		return fmt.Errorf("unknown CNI_COMMAND %q", command)
	}
}

func handleIn(netnsPath string) (*netlink.Handle, func(), error) {
	ns, err := netns.GetFromPath(netnsPath)
	if err != nil {
		return nil, nil, fmt.Errorf("opening network namespace %s: %w", netnsPath, err)
	}
	handle, err := netlink.NewHandleAt(ns)
	if err != nil {
		ns.Close()
		return nil, nil, fmt.Errorf("netlink in %s: %w", netnsPath, err)
	}
	return handle, func() { handle.Close(); ns.Close() }, nil
}

func add(conf netConf, netnsPath, ifName, containerID string) error {
	handle, done, err := handleIn(netnsPath)
	if err != nil {
		return err
	}
	defer done()
	veth := &netlink.Veth{LinkAttrs: netlink.LinkAttrs{Name: ifName}, PeerName: peerName}
	if err := handle.LinkAdd(veth); err != nil {
		return fmt.Errorf("adding veth pair %s/%s: %w", ifName, peerName, err)
	}
	h := fnv.New32a()
	_, _ = h.Write([]byte(containerID))
	sum := h.Sum32()
	ip := net.IPv4(10, 244, byte(sum>>8), byte(sum%253)+2)
	address := &net.IPNet{IP: ip, Mask: net.CIDRMask(16, 32)}
	eth, err := handle.LinkByName(ifName)
	if err != nil {
		return fmt.Errorf("finding %s: %w", ifName, err)
	}
	if err := handle.AddrAdd(eth, &netlink.Addr{IPNet: address}); err != nil {
		return fmt.Errorf("adding %s to %s: %w", address, ifName, err)
	}
	for _, name := range []string{"lo", ifName, peerName} {
		link, err := handle.LinkByName(name)
		if err != nil {
			return fmt.Errorf("finding %s: %w", name, err)
		}
		if err := handle.LinkSetUp(link); err != nil {
			return fmt.Errorf("bringing %s up: %w", name, err)
		}
	}
	ipEntry := map[string]any{"address": address.String(), "interface": 0}
	if conf.CNIVersion != "1.0.0" {
		ipEntry["version"] = "4"
	}
	return json.NewEncoder(os.Stdout).Encode(map[string]any{
		"cniVersion": conf.CNIVersion,
		"interfaces": []map[string]any{{"name": ifName, "mac": eth.Attrs().HardwareAddr.String(), "sandbox": netnsPath}},
		"ips":        []map[string]any{ipEntry},
	})
}

func loopback(conf netConf, netnsPath string) error {
	handle, done, err := handleIn(netnsPath)
	if err != nil {
		return err
	}
	defer done()
	lo, err := handle.LinkByName("lo")
	if err != nil {
		return fmt.Errorf("finding lo: %w", err)
	}
	if err := handle.LinkSetUp(lo); err != nil {
		return fmt.Errorf("bringing lo up: %w", err)
	}
	ipEntry := map[string]any{"address": "127.0.0.1/8", "interface": 0}
	if conf.CNIVersion != "1.0.0" {
		ipEntry["version"] = "4"
	}
	return json.NewEncoder(os.Stdout).Encode(map[string]any{
		"cniVersion": conf.CNIVersion,
		"interfaces": []map[string]any{{"name": "lo", "sandbox": netnsPath}},
		"ips":        []map[string]any{ipEntry},
	})
}

func del(netnsPath, ifName string) {
	if netnsPath == "" {
		return
	}
	handle, done, err := handleIn(netnsPath)
	if err != nil {
		return
	}
	defer done()
	if link, err := handle.LinkByName(ifName); err == nil {
		_ = handle.LinkDel(link)
	}
}
