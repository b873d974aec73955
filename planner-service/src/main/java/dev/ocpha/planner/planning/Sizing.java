package dev.ocpha.planner.planning;

/**
 * Every size of a plan, each naming the table row or rule it came from. {@code metaDbContainer} is the MetaDB
 * (OceanBase) container of a host that runs MetaDB, MonitorDB and OBProxy: the tenants + sys tenant + system_memory +
 * OBProxy, as OAT's sizing rule says
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/100.deploying-enterprise-ocp/300.deployment/200.deploying-ocp/200.deploying-a-high-availability-of-ocp/200.install-metadb-high-availability.md).
 */
public record Sizing(String profile, String note, int managedHosts, Allocation ocpServer, Allocation metaTenant,
                     Allocation monitorTenant, Allocation sysTenant, Allocation systemMemory, Allocation obProxy,
                     Allocation metaDbContainer, int metaDbDiskGb, int monitorDbDiskGb, String monitorDbDiskBasis,
                     Allocation hostMinimum) {
}
