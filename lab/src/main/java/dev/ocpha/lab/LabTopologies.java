package dev.ocpha.lab;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Example topologies for every mode, in the planner's topology format, using the fleet's hosts: single-node,
 * multi-node, multi-cluster, multi-AZ and multi-cluster + multi-AZ (each written when the fleet has enough hosts, the
 * multi-AZ ones when it has AZ labels).
 */
public final class LabTopologies {
    public static final String CREDENTIAL = "lab";
    /** The secret references the examples use; {@code ./lab up} writes their values into services.properties. */
    public static final Map<String, String> SECRET_REFS = Map.of("metaDbRoot", "lab-metadb-root", "proxyro", "lab-proxyro", "metaTenant", "lab-meta",
            "monitorTenant", "lab-monitor", "ocpAdmin", "lab-admin");
    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private LabTopologies() {
    }

    /** Writes {@code <mode>.yaml} files into {@code dir}; returns the files written. */
    public static List<Path> write(LabFleet fleet, Path dir) {
        List<LabHost> hosts = fleet.hosts();
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            written.add(write(dir, "single-node", base("single-node", "SINGLE_NODE", hosts.subList(0, 1), null)));
            if (hosts.size() >= 3) {
                written.add(write(dir, "multi-node", base("multi-node", "MULTI_NODE", hosts.subList(0, 3), null)));
            }
            if (hosts.size() >= 2) {
                int half = hosts.size() >= 6 ? 3 : 1;
                ObjectNode t = base("multi-cluster", "MULTI_CLUSTER", hosts.subList(0, 2 * half), null);
                clusters(t, hosts.subList(0, half), hosts.subList(half, 2 * half));
                written.add(write(dir, "multi-cluster", t));
            }
            Map<String, List<LabHost>> azs = azs(fleet);
            if (azs.size() >= 2) {
                List<LabHost> azHosts = azs.values().stream().flatMap(List::stream).toList();
                ObjectNode t = base("multi-az", "MULTI_AZ", azHosts, "ocp-a");
                t.putArray("clusters").addObject().put("name", "ocp-a").put("role", "PRIMARY").put("region", azHosts.get(0).region())
                        .put("accessAddress", "http://" + azHosts.get(0).address() + ":8080");
                azEntries(t, azs, "ocp-a");
                written.add(write(dir, "multi-az", t));
            }
            if (azs.size() >= 3) {
                List<String> names = new ArrayList<>(azs.keySet());
                Map<String, List<LabHost>> primaryAzs = new LinkedHashMap<>();
                names.subList(0, names.size() - 1).forEach(n -> primaryAzs.put(n, azs.get(n)));
                Map<String, List<LabHost>> standbyAzs = Map.of(names.get(names.size() - 1), azs.get(names.get(names.size() - 1)));
                List<LabHost> primary = primaryAzs.values().stream().flatMap(List::stream).toList();
                List<LabHost> standby = standbyAzs.values().stream().flatMap(List::stream).toList();
                List<LabHost> all = new ArrayList<>(primary);
                all.addAll(standby);
                ObjectNode t = base("multi-cluster-multi-az", null, all, null);
                t.putArray("mode").add("MULTI_CLUSTER").add("MULTI_AZ");
                clusters(t, primary, standby);
                azEntries(t, primaryAzs, "ocp-a");
                azEntries(t, standbyAzs, "ocp-b");
                written.add(write(dir, "multi-cluster-multi-az", t));
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write example topologies into " + dir, e);
        }
    }

    /** The fleet's AZs (its hosts' labels; none unless the fleet was started with --azs). */
    private static Map<String, List<LabHost>> azs(LabFleet fleet) {
        Map<String, List<LabHost>> azs = new java.util.TreeMap<>();
        for (LabHost h : fleet.hosts()) {
            if (h.az() != null) {
                azs.computeIfAbsent(h.az(), k -> new ArrayList<>()).add(h);
            }
        }
        return azs;
    }

    private static ObjectNode base(String name, String mode, List<LabHost> hosts, String cluster) {
        ObjectNode t = YAML.createObjectNode().put("name", name);
        if (mode != null) {
            t.put("mode", mode);
        } else {
            t.putNull("mode");
        }
        // multi-cluster and multi-AZ exist only in OCP's enterprise edition; the combined topology has mode null here
        boolean enterprise = mode == null || mode.startsWith("MULTI_CLUSTER") || mode.startsWith("MULTI_AZ");
        ObjectNode ocp = t.putObject("ocp").put("edition", enterprise ? "enterprise" : "community")
                .put("version", LabMedia.OCP.version());
        ocp.putObject("media").put("ocp", LabMedia.OCP.name()).put("metaDb", LabMedia.OCEANBASE_CE.name());
        t.put("managedHosts", 10).put("sizingProfile", "sandbox");
        ObjectNode passwords = t.putObject("passwords");
        for (String key : List.of("metaDbRoot", "proxyro", "metaTenant", "monitorTenant", "ocpAdmin")) {
            passwords.putObject(key).put("secretRef", SECRET_REFS.get(key));
        }
        ArrayNode list = t.putArray("hosts");
        for (LabHost h : hosts) {
            ObjectNode host = list.addObject().put("name", h.name()).put("address", h.address()).put("sshPort", h.sshPort())
                    .put("user", "root").put("credentialRef", CREDENTIAL);
            if (cluster != null) {
                host.put("cluster", cluster);
            }
            host.put("region", h.region()).put("idc", h.idc());
        }
        return t;
    }

    private static void clusters(ObjectNode t, List<LabHost> primary, List<LabHost> standby) {
        ArrayNode clusters = YAML.createArrayNode();
        clusters.addObject().put("name", "ocp-a").put("role", "PRIMARY").put("region", primary.get(0).region())
                .put("accessAddress", "http://" + primary.get(0).address() + ":8080");
        clusters.addObject().put("name", "ocp-b").put("role", "STANDBY").put("region", standby.get(0).region());
        // clusters go before hosts, as in the format's documentation
        ArrayNode hosts = (ArrayNode) t.remove("hosts");
        t.set("clusters", clusters);
        for (int i = 0; i < hosts.size(); i++) {
            ObjectNode h = (ObjectNode) hosts.get(i);
            String region = h.remove("region").asText();
            String idc = h.remove("idc").asText();
            h.put("cluster", i < primary.size() ? "ocp-a" : "ocp-b").put("region", region).put("idc", idc);
        }
        t.set("hosts", hosts);
    }

    private static void azEntries(ObjectNode t, Map<String, List<LabHost>> azs, String cluster) {
        ArrayNode hosts = (ArrayNode) t.remove("hosts");
        ArrayNode entries = t.has("azs") ? (ArrayNode) t.get("azs") : t.putArray("azs");
        for (Map.Entry<String, List<LabHost>> az : azs.entrySet()) {
            ObjectNode entry = entries.addObject().put("name", az.getKey()).put("cluster", cluster);
            ArrayNode idcs = entry.putArray("idcs");
            az.getValue().stream().map(LabHost::idc).distinct().forEach(idcs::add);
            LabHost first = az.getValue().get(0);
            entry.put("ocpProxy", first.address() + ":8080").put("metaDbProxy", first.address() + ":2883");
        }
        t.set("hosts", hosts);
    }

    private static Path write(Path dir, String name, ObjectNode topology) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, "# " + name + " on the lab fleet (generated by the lab; passwords are secret references, "
                + "see services.properties)\n" + YAML.writeValueAsString(topology));
        return file;
    }
}
