package dev.ocpha.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ocpha.cli.Ocpha;
import dev.ocpha.cli.client.Api;
import dev.ocpha.cli.client.ApiException;
import dev.ocpha.cli.client.Service;
import dev.ocpha.cli.client.ServiceUnreachableException;
import dev.ocpha.cli.client.SseEvent;
import dev.ocpha.cli.client.SseParser;
import dev.ocpha.cli.watch.EventLine;
import dev.ocpha.cli.watch.Progress;
import dev.ocpha.cli.watch.Screen;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Follows a deployment's progress events to the end. The planner ends the stream when the deployment settles;
 * a stream that ends or drops before that is opened again with {@code Last-Event-ID}, so no event is shown twice
 * or missed.
 */
@Command(name = "watch", description = "Follow a deployment's progress until it settles; exit 0 when SUCCEEDED, "
        + "1 when FAILED or CANCELLED (viewer).")
public final class WatchCommand extends OcphaCommand {

    /** Reconnections in a row without a single event before giving up. */
    static final int MAX_RECONNECTS = 10;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() throws InterruptedException {
        Service planner = endpoints().planner();
        Api.Deployment deployment = client().get(planner, "/deployments/" + segment(id), Api.Deployment.class);
        Progress progress = new Progress(deployment.stepCount());
        Screen screen = new Screen(root().terminal());
        SseParser parser = new SseParser();
        String path = "/deployments/" + segment(id) + "/events";
        int emptyConnections = 0;
        while (true) {
            String ended;
            boolean anyEvent = false;
            try (InputStream body = client().events(planner, path, parser.lastEventId());
                 BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    Optional<SseEvent> event = parser.line(line);
                    if (event.isPresent()) {
                        anyEvent = true;
                        show(event.get(), progress, screen);
                    }
                }
                ended = "the event stream ended";
            } catch (IOException e) {
                ended = "the event stream dropped (" + e.getMessage() + ")";
            } catch (ServiceUnreachableException e) {
                ended = e.getMessage();
            } catch (ApiException e) {
                if (e.status() < 500) {
                    throw e;
                }
                ended = e.getMessage();
            }
            parser.reset();
            if (progress.settled()) {
                break;
            }
            emptyConnections = anyEvent ? 1 : emptyConnections + 1;
            if (emptyConnections > MAX_RECONNECTS) {
                out().print(screen.finish());
                out().flush();
                err().println("ocpha: " + ended + "; gave up after " + MAX_RECONNECTS + " attempts without an event");
                err().flush();
                return Ocpha.SERVICE_FAILED;
            }
            notice(screen, ended + " before " + planner.name() + " said the deployment settled; resuming"
                    + (parser.lastEventId() == null ? " from the start" : " after event " + parser.lastEventId()));
            Thread.sleep(backoff(emptyConnections).toMillis());
        }
        out().print(screen.finish());
        out().println("deployment " + deployment.id() + " " + progress.status()
                + (progress.reason() == null ? "" : ": " + progress.reason()));
        out().flush();
        return progress.exitCode();
    }

    private void show(SseEvent event, Progress progress, Screen screen) {
        JsonNode data;
        try {
            data = client().mapper().readTree(event.data());
        } catch (JsonProcessingException e) {
            data = client().mapper().getNodeFactory().textNode(event.data());
        }
        progress.apply(event.event(), data);
        out().print(screen.event(EventLine.of(event.event(), data), progress.done(), progress.total()));
        out().flush();
    }

    private void notice(Screen screen, String text) {
        out().print(screen.clear());
        out().flush();
        err().println("ocpha: " + text);
        err().flush();
        out().print(screen.redraw());
        out().flush();
    }

    /** The configured delay, doubled per empty reconnection, at most 16 times it. */
    private Duration backoff(int emptyConnections) {
        return root().reconnectDelay().multipliedBy(1L << Math.min(Math.max(emptyConnections - 1, 0), 4));
    }
}
