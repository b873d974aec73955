package dev.ocpha.checker.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocpha.contracts.HostRoles;
import dev.ocpha.contracts.model.HostRequirement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScopingTest {

    private static final List<HostCheck> OBSERVER_ONLY = List.of(new KernelParametersCheck(), new UlimitsCheck(),
            new TransparentHugepagesCheck(), new SwapCheck(), new DirectoriesCheck(), new RequiredCommandsCheck(),
            new ClockSourceCheck());

    @Test
    void ocpServerOnlyHost_getsNoObServerHostStandardization() {
        CheckContext ocpOnly = Hosts.context("10.0.0.5", SizingProfile.PRODUCTION, List.of(HostRoles.OCP_SERVER), null);
        OBSERVER_ONLY.forEach(check -> assertFalse(check.appliesTo(ocpOnly), check.name()));
        assertEquals(List.of(8080), ocpOnly.thresholds().ports());
        CheckContext metaDb = Hosts.context("10.0.0.5", SizingProfile.PRODUCTION, List.of(HostRoles.METADB), null);
        OBSERVER_ONLY.forEach(check -> assertTrue(check.appliesTo(metaDb), check.name()));
        assertEquals(List.of(2022, 2881, 2882, 62888, 62889), metaDb.thresholds().ports());
    }

    @Test
    void productionProfile_sumsOcpsMinimumsOverTheRoles_andSandboxScalesDown() {
        HostRequirement all = SizingProfile.PRODUCTION.defaults(HostRoles.ALL);
        assertEquals(17, all.cpuCores());
        assertEquals(42, all.memoryGb());
        assertEquals(Map.of("/home/admin", 500, "/data/1", 250), all.freeDiskGbByPath());
        HostRequirement sandbox = SizingProfile.SANDBOX.defaults(HostRoles.ALL);
        assertEquals(1, sandbox.cpuCores());
        assertEquals(1, sandbox.memoryGb());
        assertEquals(Map.of("/home/admin", 1, "/data/1", 1), sandbox.freeDiskGbByPath());
    }

    @Test
    void theRequestsRequirementWins_andItsMissingPortsComeFromTheRoles() {
        HostRequirement given = new HostRequirement(24, 64, Map.of("/data/1", 300), List.of(), "PLANHA multi-node");
        HostRequirement thresholds = SizingProfile.SANDBOX.thresholds(List.of(HostRoles.OCP_SERVER), given);
        assertEquals(24, thresholds.cpuCores());
        assertEquals(List.of(8080), thresholds.ports());
        assertEquals("PLANHA multi-node", thresholds.basis());
    }

    @Test
    void hostTuningIsCriticalInProductionOnly() {
        assertEquals(Severity.CRITICAL, new KernelParametersCheck().severity(SizingProfile.PRODUCTION));
        assertEquals(Severity.WARNING, new KernelParametersCheck().severity(SizingProfile.SANDBOX));
        assertEquals(Severity.CRITICAL, new CpuCoresCheck().severity(SizingProfile.SANDBOX));
        assertEquals(Severity.CRITICAL, new PortsFreeCheck().severity(SizingProfile.SANDBOX));
    }

    @Test
    void unknownProfile_isRejectedNamingTheChoices() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SizingProfile.parse("huge"));
        assertEquals("unknown sizing profile 'huge'; use one of [production, sandbox]", e.getMessage());
    }
}
