package dev.ocpha.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ocpha.planner.messaging.WebhookSender;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WebhookBackoffTest {

    private static Duration after(int failedAttempts) {
        return WebhookSender.backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), failedAttempts);
    }

    @Test
    void waitDoublesFromTheInitialBackoff_upToTheMaximum() {
        assertEquals(Duration.ofSeconds(1), after(1));
        assertEquals(Duration.ofSeconds(2), after(2));
        assertEquals(Duration.ofSeconds(4), after(3));
        assertEquals(Duration.ofSeconds(256), after(9));
        assertEquals(Duration.ofMinutes(5), after(10));
        IntStream.of(11, 64, 1_000_000).forEach(n -> assertEquals(Duration.ofMinutes(5), after(n)));
    }
}
