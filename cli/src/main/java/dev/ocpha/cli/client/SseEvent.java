package dev.ocpha.cli.client;

/** One server-sent event: its id (for Last-Event-ID), its name and its data (lines joined by \n). */
public record SseEvent(String id, String event, String data) {
}
