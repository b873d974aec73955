package dev.ocpha.cli.render;

import dev.ocpha.cli.client.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The registry's view of one deployment, like {@code obd cluster display}: clusters, nodes, AZs. */
public final class TopologyText {

    private TopologyText() {
    }

    public static String of(Api.Topology t) {
        StringBuilder out = new StringBuilder();
        out.append("deployment ").append(t.deploymentId()).append(" (").append(t.name()).append("): ")
                .append(String.join(", ", t.modes())).append("; OCP ").append(t.ocpVersion()).append("\n\n");
        Table clusters = new Table("CLUSTER", "ROLE", "STATUS", "VERSION", "ACCESS", "NODES", "STANDBYS/BINDING",
                "AZS");
        Table nodes = new Table("CLUSTER", "HOST", "ADDRESS", "URL", "IDC", "AZ", "STATUS");
        for (Api.Cluster c : t.clusters()) {
            clusters.row(c.name(), role(c), c.status(), c.version() + (c.versionDiffersFromPrimary() ? " (≠ primary)"
                    : ""), c.accessAddress(), c.nodes().size(), binding(c, t.clusters()), azs(c, t.azs()));
            for (Api.Node n : c.nodes()) {
                nodes.row(c.name(), n.host(), n.address(), n.url(), n.idc(), n.az(), n.status());
            }
        }
        out.append(clusters.render());
        if (!nodes.isEmpty()) {
            out.append('\n').append(nodes.render());
        }
        if (!t.azs().isEmpty()) {
            Table azs = new Table("AZ", "CLUSTER", "STATUS", "IDCS", "OCP", "METADB REPLICAS", "ACCESS");
            for (Api.Az az : t.azs()) {
                azs.row(az.name(), az.cluster(), az.status() + (az.failureReason() == null ? ""
                                : ": " + az.failureReason()),
                        az.idcs().stream().map(Api.Idc::name).collect(Collectors.joining(",")),
                        az.ocpInstances().stream().map(Api.Node::host).collect(Collectors.joining(",")),
                        String.join(",", az.metaDbReplicas()), az.accessAddress());
            }
            out.append('\n').append(azs.render());
        }
        if (t.placementProblems() != null && !t.placementProblems().isEmpty()) {
            out.append("\nplacement problems:\n");
            t.placementProblems().forEach(p -> out.append("  ").append(p).append('\n'));
        }
        return out.toString();
    }

    /** {@code PRIMARY (LEADER)}; a standalone cluster shows its role alone. */
    static String role(Api.Cluster c) {
        return c.multiClusterRole() == null || "STANDALONE".equals(c.multiClusterRole()) ? c.role()
                : c.role() + " (" + c.multiClusterRole() + ")";
    }

    /**
     * A primary: each standby with its binding ({@code ocp-b BOUND}); a standby: {@code → ocp-a} and its own
     * binding, as the primary's view of it records.
     */
    static String binding(Api.Cluster c, List<Api.Cluster> all) {
        if (c.standbys() != null && !c.standbys().isEmpty()) {
            return c.standbys().stream().map(TopologyText::peer).collect(Collectors.joining("; "));
        }
        if (c.primary() == null) {
            return "";
        }
        Api.Peer own = all.stream().filter(p -> p.standbys() != null).flatMap(p -> p.standbys().stream())
                .filter(s -> s.name().equals(c.name())).findFirst().orElse(null);
        return "→ " + c.primary().name() + (own == null ? "" : " " + binding(own));
    }

    private static String peer(Api.Peer p) {
        return p.name() + " " + binding(p);
    }

    private static String binding(Api.Peer p) {
        List<String> parts = new ArrayList<>();
        parts.add(p.binding() == null ? "NOT REQUESTED" : p.binding());
        if (p.sync() != null) {
            parts.add("sync " + p.sync());
        }
        if (p.failureReason() != null) {
            parts.add(p.failureReason());
        }
        return String.join(", ", parts);
    }

    private static String azs(Api.Cluster c, List<Api.Az> azs) {
        return azs.stream().filter(az -> c.name().equals(az.cluster())).map(Api.Az::name)
                .collect(Collectors.joining(","));
    }
}
