package dev.ocpha.lab.ocp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigPropertiesTest {

    @Test
    void oneNameValuePerLine_valuesMayHoldColons_blankLinesAreSkipped() {
        assertEquals(Map.of("server.port", "8080", "ocp.site.url", "http://10.0.0.1:8080", "obsdk.ob.connection.mode", "direct"),
                ConfigProperties.parse("server.port:8080\n\nocp.site.url:http://10.0.0.1:8080\nobsdk.ob.connection.mode:direct\n"));
        assertEquals(Map.of(), ConfigProperties.parse(null));
    }

    @Test
    void aLineWithoutNameAndColon_failsTheBootNamingTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigProperties.parse("server.port:8080\nocp.site.url=http://x:8080"));
        assertEquals("OCP_CONFIG_PROPERTIES line 2 'ocp.site.url=http://x:8080' is not name:value (one system parameter "
                + "per line)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConfigProperties.parse(":8080"));
    }

    @Test
    void aValueOcpCannotTake_failsTheBoot() {
        assertEquals("OCP_CONFIG_PROPERTIES line 1: server.port must be a port number (1-65535), not '80a'",
                assertThrows(IllegalArgumentException.class, () -> ConfigProperties.parse("server.port:80a")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConfigProperties.parse("ocp.site.url:http://x:8080/"));
        assertThrows(IllegalArgumentException.class, () -> ConfigProperties.parse("ocp.site.url:https://x:8443"));
    }
}
