package dev.ocpha.contracts.model;

import java.util.List;

/**
 * An availability zone of a multi-AZ OCP cluster
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/1200.manage-disaster-recovery/400.ocp-multi-zone-mode/100.multi-az-overview.md): the
 * IDCs mapped to it, its OCP nodes and MetaDB replica host, its access address (the AZ's OCP proxy, default port 80)
 * and MetaDB proxy (default port 2883).
 */
public record PlannedAz(String name, String cluster, List<String> idcs, List<String> ocpHosts, String metaDbHost,
                        String accessAddress, String metaDbProxy) {
}
