package dev.ocpha.checker.checks;

import dev.ocpha.contracts.model.CheckResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One CPU architecture per MetaDB cluster: OAT does not support a heterogeneous one
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/100.deploying-enterprise-ocp/300.deployment/200.deploying-ocp/200.deploying-a-high-availability-of-ocp/200.install-metadb-high-availability.md).
 * The most common architecture of the cluster's MetaDB hosts is taken as intended; the others fail.
 */
public final class MetaDbArchitectureCheck {

    public static final String NAME = "metadb-architecture";

    private MetaDbArchitectureCheck() {
    }

    /** @param archByHostByCluster MetaDB cluster → (host → {@code uname -m}) */
    public static List<CheckResult> evaluate(Map<String, Map<String, String>> archByHostByCluster) {
        List<CheckResult> results = new ArrayList<>();
        archByHostByCluster.forEach((cluster, archByHost) -> {
            Map<String, Long> counts = archByHost.values().stream()
                    .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
            String majority = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .orElse("");
            String expected = "one architecture in MetaDB cluster " + cluster + " (" + majority + ")";
            archByHost.forEach((host, arch) -> results.add(arch.equals(majority)
                    ? Verdicts.pass(host, NAME, arch, expected, "same architecture as the cluster's other MetaDB hosts")
                    : Verdicts.fail(host, NAME, arch, expected, "MetaDB cluster " + cluster + " mixes " + counts.keySet()
                    + "; OAT cannot build a MetaDB across architectures, move this replica to a " + majority + " host")));
        });
        return results;
    }
}
