package dev.ocpha.cli.client;

import java.util.Optional;

/**
 * Reads {@code text/event-stream} a line at a time (the WHATWG rules the CLI needs): {@code id}, {@code event},
 * {@code data} (several lines joined by \n), comments and unknown fields ignored, an event dispatched at a blank
 * line when it has data. An id counts once its event is complete (a half-received event's id is not one to resume
 * after), and it persists across events without one, as Last-Event-ID does.
 */
public final class SseParser {

    private String lastId;
    private String idBuffer;
    private String event;
    private StringBuilder data;

    /** Feeds one line without its line ending; an event when this line completed one. */
    public Optional<SseEvent> line(String line) {
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.startsWith(":")) {
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "id" -> {
                if (!value.contains("\0")) {
                    idBuffer = value;
                }
            }
            case "event" -> event = value;
            case "data" -> {
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
            }
            default -> {
                // retry and unknown fields: nothing the CLI uses
            }
        }
        return Optional.empty();
    }

    /** The id to send as Last-Event-ID when reconnecting; null before any. */
    public String lastEventId() {
        return lastId;
    }

    /** Forgets a half-received event, its id included, as a dropped connection must. */
    public void reset() {
        idBuffer = lastId;
        clearEvent();
    }

    private Optional<SseEvent> dispatch() {
        lastId = idBuffer;
        Optional<SseEvent> complete = data == null ? Optional.empty()
                : Optional.of(new SseEvent(lastId, event == null ? "message" : event, data.toString()));
        clearEvent();
        return complete;
    }

    private void clearEvent() {
        event = null;
        data = null;
    }
}
