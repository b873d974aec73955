package dev.ocpha.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

    static List<SseEvent> feed(SseParser parser, String... lines) {
        List<SseEvent> events = new ArrayList<>();
        for (String line : lines) {
            parser.line(line).ifPresent(events::add);
        }
        return events;
    }

    @Test
    void anEvent_isDispatchedAtTheBlankLine_withItsIdNameAndData() {
        SseParser parser = new SseParser();

        List<SseEvent> events = feed(parser, "id: 7", "event: step", "data: {\"a\":1}", "");

        assertEquals(List.of(new SseEvent("7", "step", "{\"a\":1}")), events);
        assertEquals("7", parser.lastEventId());
    }

    @Test
    void dataLines_areJoinedByNewlines_andOneLeadingSpaceOnlyIsDropped() {
        List<SseEvent> events = feed(new SseParser(), "data:first", "data:  second", "");

        assertEquals("first\n second", events.get(0).data());
        assertEquals("message", events.get(0).event());
    }

    @Test
    void comments_unknownFields_andEventsWithoutData_dispatchNothing() {
        SseParser parser = new SseParser();

        List<SseEvent> events = feed(parser, ": keep-alive", "", "retry: 1000", "event: status", "", "bogus", "");

        assertTrue(events.isEmpty());
    }

    @Test
    void theId_persistsForEventsWithoutOne() {
        List<SseEvent> events = feed(new SseParser(), "id: 3", "data: a", "", "data: b", "");

        assertEquals("3", events.get(1).id());
    }

    @Test
    void aHalfReceivedEvent_isForgottenOnReset_idIncluded() {
        SseParser parser = new SseParser();
        feed(parser, "id: 3", "data: a", "", "id: 4", "event: step", "data: {\"half");

        parser.reset();
        List<SseEvent> after = feed(parser, "data: b", "");

        assertEquals("3", parser.lastEventId());
        assertEquals(List.of(new SseEvent("3", "message", "b")), after);
    }

    @Test
    void beforeAnyEvent_thereIsNoIdToResumeAfter() {
        assertNull(new SseParser().lastEventId());
    }
}
