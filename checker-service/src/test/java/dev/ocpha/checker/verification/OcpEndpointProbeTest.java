package dev.ocpha.checker.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class OcpEndpointProbeTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void serverTime_isReadInEveryShapeOcpOrAProxyMayAnswer() {
        assertEquals(1_700_000_000_123d, OcpEndpointProbe.parseTime(mapper, "1700000000123").epochMillis());
        OcpEndpointProbe.ServerTime seconds = OcpEndpointProbe.parseTime(mapper, "1700000000");
        assertEquals(1_700_000_000_000d, seconds.epochMillis());
        assertTrue(seconds.toTheSecond());
        assertEquals(1_700_000_000_500d, OcpEndpointProbe.parseTime(mapper,
                "{\"data\":\"2023-11-14T22:13:20.500Z\",\"successful\":true}").epochMillis());
        assertFalse(OcpEndpointProbe.parseTime(mapper, "\"2023-11-14T22:13:20.500+00:00\"").toTheSecond());
        assertEquals(1_700_000_000_000d, OcpEndpointProbe.parseTime(mapper, "Tue, 14 Nov 2023 22:13:20 GMT").epochMillis());
        assertNull(OcpEndpointProbe.parseTime(mapper, "soon"));
    }

    @Test
    void addresses_becomeBaseUrlsWithThePort() {
        assertEquals("http://10.0.0.1:8080", OcpEndpointProbe.baseUrl("10.0.0.1", 8080));
        assertEquals("http://vip.example:80", OcpEndpointProbe.baseUrl("http://vip.example:80/", 8080));
        assertEquals("https://ocp.example:8080", OcpEndpointProbe.baseUrl("https://ocp.example", 8080));
    }

    @Test
    void buildVersionWithABuildSuffix_matchesTheRequestedVersion() {
        assertTrue(OcpEndpointProbe.versionMatches("4.2.2-20240115", "4.2.2"));
        assertTrue(OcpEndpointProbe.versionMatches("4.2.2", "4.2.2"));
        assertFalse(OcpEndpointProbe.versionMatches("4.2.1", "4.2.2"));
        assertFalse(OcpEndpointProbe.versionMatches("4.2.20", "4.2.2"));
    }
}
