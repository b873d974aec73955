package dev.ocpha.contracts.model;

import java.util.List;
import java.util.Map;

/**
 * What a host must offer for the roles planned on it, from OCP's sizing tables
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/100.deploying-enterprise-ocp/300.deployment/100.planning-resources/)
 * under the plan's sizing profile. {@code basis} names the table rows the numbers came from. A declared value in the
 * topology that is below the requirement is a validation error; an undeclared one is checked on the host.
 */
public record HostRequirement(int cpuCores, int memoryGb, Map<String, Integer> freeDiskGbByPath, List<Integer> ports,
                              String basis) {
}
