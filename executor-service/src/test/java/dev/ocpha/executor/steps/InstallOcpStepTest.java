package dev.ocpha.executor.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstallOcpStepTest {

    private static StepParameters parameters(String siteUrl) {
        Map<String, String> values = new HashMap<>(Map.of("httpPort", "8080", "siteUrl", siteUrl,
                "monitorDbUser", "monitor_user@ocp_monitor#c1-meta",
                "monitorDbDatabase", "monitor_database"));
        return new StepParameters("INSTALL_OCP", values);
    }

    @Test
    void configProperties_holdThePortSiteUrlConnectionModeAndMonitorDbAccount_butNoPasswordNorClusterWideMonitorDbHost() throws Exception {
        String text = InstallOcpStep.text(InstallOcpStep.configProperties(parameters("http://10.0.0.100:8080")));
        assertEquals("""
                server.port:8080
                ocp.site.url:http://10.0.0.100:8080
                ocp.config-url.site.url:http://10.0.0.100:8080
                obsdk.ob.connection.mode:direct
                ocp.monitordb.username:monitor_user@ocp_monitor#c1-meta
                ocp.monitordb.database:monitor_database""", text);
    }

    @Test
    void siteUrl_thatOcpCannotTake_isRefusedNamingTheParameter() {
        for (String bad : List.of("https://10.0.0.100:8443", "http://10.0.0.100:8080/", "http://10.0.0.100", "10.0.0.100:8080")) {
            StepFailure failure = assertThrows(StepFailure.class, () -> InstallOcpStep.configProperties(parameters(bad)), bad);
            assertTrue(failure.getMessage().contains("'siteUrl'") && failure.getMessage().contains(bad), failure.getMessage());
        }
    }

    @Test
    void runningProperties_readTheEntryDockerInspectPrinted_asJson() throws Exception {
        String probe = "found\n\"OCP_CONFIG_PROPERTIES=server.port:8080\\nocp.site.url:http://a:8080\\u003cx\"\n";
        assertEquals(Map.of("server.port", "8080", "ocp.site.url", "http://a:8080<x"), InstallOcpStep.runningProperties(probe));
        assertEquals(Map.of(), InstallOcpStep.runningProperties("found\n"), "a container without the variable");
    }

    @Test
    void differences_nameEachParameterWithItsRunningAndPlannedValue() {
        Map<String, String> running = InstallOcpStep.parse("server.port:8080\nocp.site.url:http://a:8080\nold.key:1");
        Map<String, String> wanted = InstallOcpStep.parse("server.port:8080\nocp.site.url:http://b:8080\nnew.key:2");
        assertEquals(List.of("new.key is not set, planned '2'", "ocp.site.url is 'http://a:8080', planned 'http://b:8080'",
                "old.key is '1', planned not set"), InstallOcpStep.differences(running, wanted));
        assertEquals(List.of(), InstallOcpStep.differences(wanted, wanted));
    }

    @Test
    void buildVersion_isReadFromOcpsInfoEnvelopeOrItsTopLevel_andIsNullForAnythingElse() {
        assertEquals("4.2.2", InstallOcpStep.buildVersion("{\"successful\":true,\"data\":{\"buildVersion\":\"4.2.2\"}}"));
        assertEquals("4.2.1", InstallOcpStep.buildVersion("{\"buildVersion\":\"4.2.1\"}"));
        assertEquals(null, InstallOcpStep.buildVersion("{\"data\":{}}"));
        assertEquals(null, InstallOcpStep.buildVersion("<html>502 Bad Gateway</html>"));
    }
}
