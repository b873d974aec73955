package dev.ocpha.planner.planning;

/**
 * Every size of a plan, each naming the table row or rule it came from (ocp-facts §2–3). {@code metaDbContainer} is
 * the MetaDB (OceanBase) container of a host that runs MetaDB, MonitorDB and OBProxy: the tenants + sys tenant +
 * system_memory + OBProxy, as OAT's sizing rule says (ocp-facts §6.2).
 */
public record Sizing(String profile, String note, int managedHosts, Allocation ocpServer, Allocation metaTenant,
                     Allocation monitorTenant, Allocation sysTenant, Allocation systemMemory, Allocation obProxy,
                     Allocation metaDbContainer, int metaDbDiskGb, int monitorDbDiskGb, String monitorDbDiskBasis,
                     Allocation hostMinimum) {
}
