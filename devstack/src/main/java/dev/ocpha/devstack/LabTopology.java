package dev.ocpha.devstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ocpha.lab.LabHost;
import dev.ocpha.lab.LabMedia;
import dev.ocpha.lab.LabTopologies;
import java.util.List;

/**
 * A topology file (docs/topology.md) for hosts of a lab fleet, written the way an operator would: the demo and the
 * end-to-end tests deploy these. Passwords are the lab's secret references ({@code services.properties}).
 */
public final class LabTopology {

    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private final ObjectNode root = YAML.createObjectNode();
    private final ArrayNode hosts;

    private LabTopology(String name, String... modes) {
        root.put("name", name);
        ArrayNode mode = root.putArray("mode");
        for (String m : modes) {
            mode.add(m);
        }
        // multi-cluster and multi-AZ exist only in OCP's enterprise edition
        boolean enterprise = java.util.Arrays.stream(modes).anyMatch(m -> m.equals("MULTI_CLUSTER") || m.equals("MULTI_AZ"));
        ObjectNode ocp = root.putObject("ocp").put("edition", enterprise ? "enterprise" : "community")
                .put("version", LabMedia.OCP.version());
        ocp.putObject("media").put("ocp", LabMedia.OCP.name()).put("metaDb", LabMedia.OCEANBASE_CE.name());
        root.put("managedHosts", 10).put("sizingProfile", "sandbox");
        ObjectNode passwords = root.putObject("passwords");
        LabTopologies.SECRET_REFS.forEach((key, ref) -> passwords.putObject(key).put("secretRef", ref));
        hosts = YAML.createArrayNode();
    }

    public static LabTopology named(String name, String... modes) {
        return new LabTopology(name, modes);
    }

    /**
     * OCP's cross-city 3-IDC case
     * (oceanbase/ocp-doc@V4.2.2:zh-CN/1200.manage-disaster-recovery/300.ocp-multi-cluster-mode/100.overview-of-multi-cluster-mode.md):
     * multi-cluster and multi-AZ combined. A primary spread over three AZs (two hosts each: one runs everything, one
     * only OCP-Server, so each AZ holds one MetaDB replica) and a standby multi-node cluster of three hosts in another
     * region. Takes nine hosts.
     */
    public static LabTopology crossCity(String name, List<LabHost> nine) {
        if (nine.size() != 9) {
            throw new IllegalArgumentException("the cross-city example takes 9 hosts, not " + nine.size());
        }
        LabTopology topology = named(name, "MULTI_CLUSTER", "MULTI_AZ")
                .cluster("ocp-a", "PRIMARY", "region-1").cluster("ocp-b", "STANDBY", "region-2");
        for (int az = 1; az <= 3; az++) {
            LabHost full = nine.get(2 * (az - 1));
            topology.az("az" + az, "ocp-a", "idc" + az, full)
                    .host(full, "ocp-a", "region-1", "idc" + az)
                    .host(nine.get(2 * az - 1), "ocp-a", "region-1", "idc" + az, List.of("OCP_SERVER"));
        }
        for (LabHost standby : nine.subList(6, 9)) {
            topology.host(standby, "ocp-b", "region-2", "idc4");
        }
        return topology;
    }

    /** An OCP cluster; the primary's access address is its first node's URL. */
    public LabTopology cluster(String name, String role, String region) {
        ArrayNode clusters = root.has("clusters") ? (ArrayNode) root.get("clusters") : root.putArray("clusters");
        clusters.addObject().put("name", name).put("role", role).put("region", region);
        return this;
    }

    /** An availability zone whose OCP proxy and MetaDB proxy are its first host (the lab has no load balancer). */
    public LabTopology az(String name, String cluster, String idc, LabHost entry) {
        ArrayNode azs = root.has("azs") ? (ArrayNode) root.get("azs") : root.putArray("azs");
        ObjectNode az = azs.addObject().put("name", name);
        if (cluster != null) {
            az.put("cluster", cluster);
        }
        az.putArray("idcs").add(idc);
        az.put("ocpProxy", entry.address() + ":8080").put("metaDbProxy", entry.address() + ":2883");
        return this;
    }

    /** A host running every role (OCP-Server, MetaDB, MonitorDB, OBProxy). */
    public LabTopology host(LabHost host, String cluster, String region, String idc) {
        return host(host, cluster, region, idc, List.of());
    }

    /** A host running only the given roles (empty: all four). */
    public LabTopology host(LabHost host, String cluster, String region, String idc, List<String> roles) {
        ObjectNode node = hosts.addObject().put("name", host.name()).put("address", host.address())
                .put("sshPort", host.sshPort()).put("user", "root").put("credentialRef", LabTopologies.CREDENTIAL);
        if (cluster != null) {
            node.put("cluster", cluster);
        }
        node.put("region", region).put("idc", idc);
        if (!roles.isEmpty()) {
            ArrayNode list = node.putArray("roles");
            roles.forEach(list::add);
        }
        return this;
    }

    public String toYaml() {
        ObjectNode topology = root.deepCopy();
        topology.set("hosts", hosts);
        try {
            return YAML.writeValueAsString(topology);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
