package dev.ocpha.planner.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocpha.contracts.model.HostRequirement;
import dev.ocpha.planner.Topologies;
import dev.ocpha.planner.domain.HostRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * OCP's sizing tables
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/100.deploying-enterprise-ocp/300.deployment/100.planning-resources/),
 * row by row with their boundaries.
 */
class ResourcePlannerTest {

    @ParameterizedTest(name = "{0} managed hosts → OCP-Server {1}C/{2}GB (row ≤ {3})")
    @CsvSource({"1,8,16,20", "20,8,16,20", "21,16,32,50", "50,16,32,50", "51,32,64,200", "200,32,64,200",
            "201,64,128,400", "400,64,128,400"})
    void ocpServerTier_followsTheTableRowByRow(int managed, int cpu, int memory, int row) {
        Allocation tier = ResourcePlanner.ocpServerTier(managed);
        assertEquals(cpu, tier.cpu());
        assertEquals(memory, tier.memoryGb());
        assertTrue(tier.basis().contains("row ≤ " + row + " managed hosts"), tier.basis());
        assertTrue(tier.basis().contains("OCP 4.2 docs, planning resources: OCP-Server specifications"), tier.basis());
    }

    @ParameterizedTest(name = "{0} managed hosts → MonitorDB {1}C/{2}GB (row ≤ {3})")
    @CsvSource({"1,4,16,10", "10,4,16,10", "11,16,64,50", "50,16,64,50", "51,32,128,100", "100,32,128,100",
            "101,64,256,200", "200,64,256,200", "201,128,512,400", "400,128,512,400"})
    void monitorTier_followsTheTableRowByRow(int managed, int cpu, int memory, int row) {
        Allocation tier = ResourcePlanner.monitorTier(managed);
        assertEquals(cpu, tier.cpu());
        assertEquals(memory, tier.memoryGb());
        assertTrue(tier.basis().contains("row ≤ " + row + " managed hosts"), tier.basis());
    }

    @ParameterizedTest(name = "{0} servers → {1} GB of MonitorDB disk")
    @CsvSource({"1,160", "10,1600", "20,3200", "400,64000"})
    void monitorDbDisk_isServersTimes20GbTimes8Days(int managed, int gb) {
        assertEquals(gb, ResourcePlanner.monitorDbDiskGb(managed));
    }

    @Test
    void managedHostsOutsideTheTables_areRefused() {
        assertThrows(IllegalArgumentException.class, () -> ResourcePlanner.ocpServerTier(401));
        assertThrows(IllegalArgumentException.class, () -> ResourcePlanner.monitorTier(0));
    }

    @Test
    void singleNodeHostFor10ManagedHosts_matchesTheWorkedExample() {
        Sizing sizing = ResourcePlanner.sizing(Topologies.valid(Topologies.example("single-node")));
        HostRequirement host = ResourcePlanner.requirement(sizing, List.of(HostRole.values()));
        // ocp-server 8/16 + meta 4/8 + monitor 4/16 + sys 5/28 + system_memory 0/50 + OBProxy 1/2, the worked example of
        // oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/100.deploying-enterprise-ocp/300.deployment/100.planning-resources/100.planning-resources-of-single-node/400.prepare-host-single-node.md
        assertEquals(22, host.cpuCores());
        assertEquals(120, host.memoryGb());
        assertEquals(Map.of("/home/admin", 500, "/data/1", 100 + 1600), host.freeDiskGbByPath());
        assertEquals(List.of(2022, 2881, 2882, 2883, 2884, 8080, 62888, 62889), host.ports());
        assertTrue(host.basis().contains("OCP-Server table row ≤ 20"), host.basis());
        assertEquals(14, sizing.metaDbContainer().cpu());
        assertEquals(104, sizing.metaDbContainer().memoryGb());
    }

    @Test
    void multiNodeHost_isRaisedToThe24CoreMinimum() {
        Sizing sizing = ResourcePlanner.sizing(Topologies.valid(Topologies.example("multi-node")));
        HostRequirement ocpOnly = ResourcePlanner.requirement(sizing, List.of(HostRole.OCP_SERVER));
        assertEquals(24, ocpOnly.cpuCores());
        assertEquals(64, ocpOnly.memoryGb());
        assertTrue(ocpOnly.basis().contains("raised to the host minimum multi-node 24C/64GB"), ocpOnly.basis());
        assertEquals(List.of(8080), ocpOnly.ports());
        assertEquals(Map.of("/home/admin", 500), ocpOnly.freeDiskGbByPath());
    }

    @Test
    void sandboxProfile_fitsALabHostAndSaysItIsNotForProduction() {
        Sizing sizing = ResourcePlanner.sizing(Topologies.valid(Topologies.example("sandbox-lab")));
        HostRequirement host = ResourcePlanner.requirement(sizing, List.of(HostRole.values()));
        assertTrue(host.cpuCores() <= 2 && host.memoryGb() <= 4, host.toString());
        assertTrue(sizing.note().contains("NOT FOR PRODUCTION"));
        assertEquals(2, sizing.metaTenant().cpu());
        assertEquals(5, sizing.metaTenant().memoryGb());
        assertTrue(sizing.metaTenant().basis().contains("OAT"), sizing.metaTenant().basis());
    }

    @Test
    void tenantOverride_replacesTheTableAndSaysSo() {
        Sizing sizing = ResourcePlanner.sizing(Topologies.valid(Topologies.example("multi-cluster-multi-az")));
        assertEquals(8, sizing.metaTenant().cpu());
        assertEquals(16, sizing.metaTenant().memoryGb());
        assertEquals("topology override (metaDb)", sizing.metaTenant().basis());
        assertEquals(64, sizing.monitorTenant().cpu());
    }
}
