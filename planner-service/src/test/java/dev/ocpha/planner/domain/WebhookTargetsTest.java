package dev.ocpha.planner.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetsTest {

    private static final WebhookTargets.Policy HTTPS_ONLY = new WebhookTargets.Policy(false, List.of());

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static WebhookTargets.Resolver resolvingTo(String... addresses) {
        return host -> List.of(addresses).stream().map(WebhookTargetsTest::ip).toList();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1 | loopback", "127.255.0.9 | loopback", "::1 | loopback",
            "169.254.169.254 | cloud metadata", "fd00:ec2::254 | cloud metadata",
            "169.254.10.1 | link-local", "fe80::1 | link-local",
            "10.0.0.1 | private", "172.16.0.1 | private", "172.31.255.255 | private", "192.168.1.10 | private",
            "fd12:3456::1 | unique local", "fc00::1 | unique local",
            "100.64.0.1 | CGNAT", "100.127.255.255 | CGNAT",
            "0.0.0.0 | unspecified", ":: | unspecified",
            "224.0.0.1 | multicast", "ff02::1 | multicast",
            "::ffff:10.0.0.1 | private"})
    void addressInARefusedRange_isRefusedNamingTheRange(String address, String range) {
        Optional<String> refused = WebhookTargets.refusedRange(ip(address));
        assertTrue(refused.isPresent() && refused.get().contains(range), address + ": " + refused);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "100.128.0.1", "100.63.255.255", "172.32.0.1",
            "2606:4700:4700::1111"})
    void publicAddress_isAllowed(String address) {
        assertEquals(Optional.empty(), WebhookTargets.refusedRange(ip(address)));
        assertEquals(Optional.empty(), WebhookTargets.refusal(URI.create("https://hooks.example.com/x"), HTTPS_ONLY,
                resolvingTo(address)));
    }

    @Test
    void http_isRefusedUnlessAllowed() {
        URI http = URI.create("http://hooks.example.com/x");
        assertEquals(Optional.of("must be https"), WebhookTargets.refusal(http, HTTPS_ONLY,
                resolvingTo("93.184.216.34")));
        assertEquals(Optional.empty(), WebhookTargets.refusal(http, new WebhookTargets.Policy(true, List.of()),
                resolvingTo("93.184.216.34")));
    }

    @Test
    void allowedCidr_letsOnlyItsOwnAddressesThrough() {
        WebhookTargets.Policy loopbackV4 = new WebhookTargets.Policy(false,
                List.of(WebhookTargets.Cidr.parse("127.0.0.0/8")));
        URI url = URI.create("https://localhost:8443/hook");
        assertEquals(Optional.empty(), WebhookTargets.refusal(url, loopbackV4, resolvingTo("127.0.0.1")));
        assertEquals(Optional.of("reaches 0:0:0:0:0:0:0:1, a loopback address"),
                WebhookTargets.refusal(url, loopbackV4, resolvingTo("127.0.0.1", "::1")));
    }

    @Test
    void name_isRefusedWhenAnyOfItsAddressesIs() {
        Optional<String> refused = WebhookTargets.refusal(URI.create("https://hooks.example.com/x"), HTTPS_ONLY,
                resolvingTo("93.184.216.34", "10.1.2.3"));
        assertEquals(Optional.of("reaches 10.1.2.3, a private address (RFC 1918)"), refused);
    }

    @Test
    void nameThatLaterResolvesToARefusedAddress_isRefusedFromThen() {
        List<String> dns = new ArrayList<>(List.of("93.184.216.34"));
        WebhookTargets.Resolver resolver = host -> dns.stream().map(WebhookTargetsTest::ip).toList();
        URI url = URI.create("https://rebinding.example.com/x");
        assertEquals(Optional.empty(), WebhookTargets.refusal(url, HTTPS_ONLY, resolver));
        dns.set(0, "169.254.169.254");
        assertEquals(Optional.of("reaches 169.254.169.254, a cloud metadata address"),
                WebhookTargets.refusal(url, HTTPS_ONLY, resolver));
    }

    @Test
    void unresolvableName_isRefused() {
        Optional<String> refused = WebhookTargets.refusal(URI.create("https://nowhere.invalid/x"), HTTPS_ONLY,
                host -> {
                    throw new UnknownHostException(host);
                });
        assertEquals(Optional.of("names host nowhere.invalid, which does not resolve"), refused);
    }

    @Test
    void cidr_containsExactlyItsPrefix() {
        WebhookTargets.Cidr cgnat = WebhookTargets.Cidr.parse("100.64.0.0/10");
        assertTrue(cgnat.contains(ip("100.64.0.0")));
        assertTrue(cgnat.contains(ip("100.127.255.255")));
        assertFalse(cgnat.contains(ip("100.128.0.0")));
        assertFalse(cgnat.contains(ip("::1")));
        assertTrue(WebhookTargets.Cidr.parse("fd00::/8").contains(ip("fd00:ec2::254")));
        assertTrue(WebhookTargets.Cidr.parse("192.0.2.7").contains(ip("192.0.2.7")));
        assertFalse(WebhookTargets.Cidr.parse("192.0.2.7").contains(ip("192.0.2.8")));
        assertTrue(WebhookTargets.Cidr.parse("0.0.0.0/0").contains(ip("203.0.113.1")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com/8", "10.0.0.0/33", "::/129", "10.0.0.0/x", "", "10.0.0.0/-1"})
    void cidr_thatIsNotOne_isRefusedWithoutResolvingAnything(String cidr) {
        assertThrows(IllegalArgumentException.class, () -> WebhookTargets.Cidr.parse(cidr));
    }
}
