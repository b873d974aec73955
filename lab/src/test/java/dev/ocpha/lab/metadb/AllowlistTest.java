package dev.ocpha.lab.metadb;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** ob_tcp_invited_nodes' entry forms: addresses, subnets, % and _ patterns, and the default. */
class AllowlistTest {
    @Test
    void theDefaultInvitesOnlyClientsOnTheServerItself() {
        assertTrue(Allowlist.permits(Allowlist.DEFAULT, "127.0.0.1"));
        assertFalse(Allowlist.permits(Allowlist.DEFAULT, "127.0.10.2"));
    }

    @Test
    void addressesSubnetsAndPatterns_eachInviteTheirClients() {
        String list = "10.10.10.10, 10.20.0.0/16,10.30.30.0/255.255.255.0,10.40.40.%,10.50.50._";
        for (String client : new String[] {"10.10.10.10", "10.20.7.7", "10.30.30.200", "10.40.40.123", "10.50.50.5"}) {
            assertTrue(Allowlist.permits(list, client), client);
        }
        for (String client : new String[] {"10.10.10.11", "10.21.0.1", "10.30.31.1", "10.41.40.1", "10.50.50.55"}) {
            assertFalse(Allowlist.permits(list, client), client);
        }
        assertTrue(Allowlist.permits("%", "192.0.2.1"));
    }

    @Test
    void aValueOfOtherCharactersIsNoAllowlist() {
        assertTrue(Allowlist.valid("127.0.0.1,::1,10.0.0.0/8,10.1.%"));
        assertFalse(Allowlist.valid("'; DROP"));
    }
}
