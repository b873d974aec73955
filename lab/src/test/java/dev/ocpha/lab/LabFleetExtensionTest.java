package dev.ocpha.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LabFleetExtension.class)
@LabHosts(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabFleetExtensionTest {
    private static LabFleet first;

    @Test
    @Order(1)
    void aTestGetsAFleetSizedByTheClassAnnotation(LabFleet fleet) throws Exception {
        first = fleet;
        assertEquals(3, fleet.hosts().size());
        assertEquals("host-3\n", SshjClient.exec(fleet, fleet.host(2), "hostname"));
    }

    @Test
    @Order(2)
    void theFleetIsSharedByTheClass(LabFleet fleet) {
        assertSame(first, fleet);
    }

    @Test
    @Order(3)
    @LabHosts(2)
    void aMethodAnnotationAsksForAnotherFleet(LabFleet fleet) {
        assertEquals(2, fleet.hosts().size());
    }
}
