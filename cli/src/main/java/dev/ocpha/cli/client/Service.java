package dev.ocpha.cli.client;

import java.net.URI;

/** One service the CLI talks to: its name as printed ({@code planner}, {@code executor-2}) and its base URL. */
public record Service(String name, URI baseUrl) {

    public URI resolve(String path) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }
}
