package dev.ocpha.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The fleet's network: a Linux bridge on the machine holding .254 of each of the fleet's address blocks, and per host a
 * veth pair whose far end is the host's {@code eth0}, inside the host's network namespace, with the host's address.
 * Hosts get a route to each block of the fleet and no default route, so no packet to or from a lab address leaves the
 * bridge; the machine reaches the hosts (the deployer's SSH, the tests' clients) through the bridge's addresses.
 * {@code ip_forward} and the machine's other interfaces are left as they are.
 */
final class LabBridge implements AutoCloseable {
    private final String name;
    private final List<Integer> blocks;

    private LabBridge(String name, List<Integer> blocks) {
        this.name = name;
        this.blocks = List.copyOf(blocks);
    }

    /**
     * Creates the bridge for {@code blocks} (held by this fleet: a bridge of the same name is a leftover of a fleet
     * whose JVM was killed, and goes first).
     */
    static LabBridge create(List<Integer> blocks) {
        LabBridge bridge = new LabBridge("ocphalab" + blocks.get(0), blocks);
        removeLeftover(bridge.name);
        List<String> batch = new ArrayList<>();
        batch.add("link add " + bridge.name + " type bridge");
        for (int block : blocks) {
            batch.add("addr add " + AddressBlocks.PREFIX + block + ".254/24 dev " + bridge.name);
        }
        batch.add("link set " + bridge.name + " up");
        ip(batch, "create the lab bridge " + bridge.name);
        return bridge;
    }

    /** The routes a host needs beside its own block's (on-link, through its eth0). */
    List<String> routesBeside(int block) {
        return blocks.stream().filter(b -> b != block).map(b -> AddressBlocks.PREFIX + b + ".0/24").toList();
    }

    /** Plugs a host in: a veth pair, one end on the bridge, the other ({@code eth0}) in process {@code pid}'s namespace. */
    void attach(String address, long pid) {
        String link = link(address);
        removeLeftover(link);
        List<String> batch = new ArrayList<>();
        batch.add("link add " + link + " type veth peer name eth0 netns " + pid);
        batch.add("link set " + link + " master " + name + " up");
        ip(batch, "plug " + address + " into " + name);
    }

    /**
     * The host's cable: down, nothing reaches the host or leaves it (connections time out, as to a host whose network
     * is gone); up again, everything it runs is still there.
     */
    void link(String address, boolean up) {
        ip(List.of("link set " + link(address) + (up ? " up" : " down")), (up ? "plug in " : "unplug ") + address);
    }

    private static String link(String address) {
        String[] octets = address.split("\\.");
        return "ol" + octets[2] + "h" + octets[3];
    }

    @Override
    public void close() {
        ip(List.of("link del " + name), "remove the lab bridge " + name);
    }

    /**
     * Removes a link of this name left by an earlier fleet of the same block: one whose JVM was killed, or one just
     * closed, whose namespace the kernel tears down (and with it the veth) asynchronously.
     */
    private static void removeLeftover(String link) {
        Path sys = Path.of("/sys/class/net", link);
        if (!Files.exists(sys)) {
            return;
        }
        try {
            new ProcessBuilder("ip", "link", "del", link).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (Files.exists(sys)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the link " + link + " of an earlier lab fleet does not go away");
                }
                Thread.sleep(20);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run iproute2's ip", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while removing the link " + link, e);
        }
    }

    private static void ip(List<String> batch, String what) {
        try {
            Process p = new ProcessBuilder("ip", "-batch", "-").redirectErrorStream(true).start();
            p.getOutputStream().write((String.join("\n", batch) + "\n").getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("cannot " + what + ": ip -batch " + batch + ": " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot " + what + " (iproute2's ip)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        }
    }
}
