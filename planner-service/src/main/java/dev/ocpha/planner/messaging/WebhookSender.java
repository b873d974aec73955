package dev.ocpha.planner.messaging;

import dev.ocpha.contracts.EventHeaders;
import dev.ocpha.planner.config.PlannerConfig;
import dev.ocpha.planner.domain.DeliveryStatus;
import dev.ocpha.planner.domain.WebhookTargetPolicy;
import dev.ocpha.planner.domain.WebhookSignature;
import dev.ocpha.planner.persistence.WebhookDeliveryEntity;
import dev.ocpha.planner.persistence.WebhookEventEntity;
import dev.ocpha.planner.persistence.WebhookSubscriptionEntity;
import dev.ocpha.platform.secrets.SecretStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * POSTs due webhook deliveries, signed, and records each outcome: a 2xx answer is DELIVERED; anything else is tried
 * again after an exponentially growing wait, until the last attempt makes it FAILED. Several planners share the
 * work: each claims a bounded batch with {@code FOR UPDATE SKIP LOCKED} and moves its due time past the end of
 * the attempt, so a planner that stops mid-attempt leaves the delivery to another one. Each attempt resolves the
 * URL's host again and checks it against the {@link WebhookTargetPolicy}: a name that now reaches a refused address
 * is not sent to, and the attempt fails saying why.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final Duration CLAIM_MARGIN = Duration.ofSeconds(30);
    private static final int MAX_ERROR_LENGTH = 500;

    private final PlannerConfig.Webhooks config;
    private final SecretStore secrets;
    private final WebhookTargetPolicy targets;
    private final EntityManager entityManager;
    private final HttpClient http;
    private volatile boolean running;
    private volatile Thread worker;

    public WebhookSender(PlannerConfig config, SecretStore secrets, WebhookTargetPolicy targets,
                         EntityManager entityManager) {
        this.config = config.webhooks();
        this.secrets = secrets;
        this.targets = targets;
        this.entityManager = entityManager;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(this.config.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** One claimed delivery: its subscription and event. */
    private record Attempt(long deliveryId, WebhookSubscriptionEntity subscription, WebhookEventEntity event) {
    }

    /** What one attempt got: the HTTP status when there was an answer, else the error. */
    record Outcome(long deliveryId, Integer status, String error) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        worker = new Thread(this::run, "webhook-sender");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        worker.interrupt();
        worker.join(config.requestTimeout().toMillis() + 1000);
    }

    /** The wait after {@code failedAttempts} failed attempts: the initial backoff doubled per further attempt. */
    public static Duration backoff(Duration initial, Duration max, int failedAttempts) {
        Duration wait = initial;
        for (int i = 1; i < failedAttempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) < 0 ? wait : max;
    }

    private void run() {
        while (running) {
            try {
                if (sendBatch() == 0) {
                    Thread.sleep(config.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("webhook sender failed, retrying in %s: %s", config.pollInterval(), e.getMessage());
                sleep(config.pollInterval());
            }
        }
    }

    int sendBatch() {
        List<Attempt> claimed = QuarkusTransaction.requiringNew().call(this::claim);
        if (claimed.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Outcome>> sends = claimed.stream().map(this::send).toList();
        List<Outcome> outcomes = sends.stream().map(CompletableFuture::join).toList();
        QuarkusTransaction.requiringNew().run(() -> outcomes.forEach(this::record));
        return claimed.size();
    }

    @SuppressWarnings("unchecked")
    private List<Attempt> claim() {
        OffsetDateTime now = OffsetDateTime.now();
        List<Long> ids = ((List<Number>) entityManager.createNativeQuery("""
                        SELECT id FROM webhook_delivery WHERE status = 'PENDING' AND next_attempt_at <= ?1
                        ORDER BY next_attempt_at, id LIMIT ?2 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, now)
                .setParameter(2, config.batchSize())
                .getResultList()).stream().map(Number::longValue).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        WebhookDeliveryEntity.update("nextAttemptAt = ?1 where id in ?2",
                now.plus(config.requestTimeout()).plus(CLAIM_MARGIN), ids);
        List<WebhookDeliveryEntity> deliveries = WebhookDeliveryEntity.list("id in ?1", ids);
        Map<UUID, WebhookSubscriptionEntity> subscriptions = WebhookSubscriptionEntity
                .<WebhookSubscriptionEntity>list("id in ?1", deliveries.stream().map(d -> d.subscriptionId).toList())
                .stream().collect(Collectors.toMap(s -> s.id, s -> s));
        Map<String, WebhookEventEntity> events = WebhookEventEntity
                .<WebhookEventEntity>list("id in ?1", deliveries.stream().map(d -> d.eventId).toList())
                .stream().collect(Collectors.toMap(e -> e.id, e -> e));
        return deliveries.stream()
                .map(d -> new Attempt(d.id, subscriptions.get(d.subscriptionId), events.get(d.eventId)))
                .toList();
    }

    private CompletableFuture<Outcome> send(Attempt attempt) {
        Optional<String> secret = secrets.find(attempt.subscription().secretRef).filter(value -> !value.isEmpty());
        if (secret.isEmpty()) {
            return CompletableFuture.completedFuture(new Outcome(attempt.deliveryId(), null,
                    "no secret is configured for the subscription's secretRef"));
        }
        try {
            URI url = URI.create(attempt.subscription().url);
            Optional<String> refusal = targets.refusal(url);
            if (refusal.isPresent()) {
                return CompletableFuture.completedFuture(new Outcome(attempt.deliveryId(), null,
                        "not sent: the URL " + refusal.get()));
            }
            return http.sendAsync(request(attempt, url, secret.get()), HttpResponse.BodyHandlers.discarding())
                    .handle((response, error) -> error == null
                            ? new Outcome(attempt.deliveryId(), response.statusCode(), null)
                            : new Outcome(attempt.deliveryId(), null, describe(error)));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Outcome(attempt.deliveryId(), null, describe(e)));
        }
    }

    private HttpRequest request(Attempt attempt, URI url, String secret) {
        WebhookEventEntity event = attempt.event();
        String time = event.time.withOffsetSameInstant(ZoneOffset.UTC).toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(config.requestTimeout())
                .header("Content-Type", EventHeaders.JSON)
                .header("ce-specversion", EventHeaders.CLOUD_EVENTS_SPEC_VERSION)
                .header("ce-id", event.id)
                .header("ce-type", event.type)
                .header("ce-time", time)
                .header("ce-subject", event.subject)
                .header(WebhookSignature.TIMESTAMP_HEADER, time)
                .header(WebhookSignature.HEADER, WebhookSignature.sign(secret, event.id, time, event.body))
                .POST(HttpRequest.BodyPublishers.ofString(event.body, StandardCharsets.UTF_8));
        if (event.source != null) {
            request.header("ce-source", event.source);
        }
        return request.build();
    }

    private void record(Outcome outcome) {
        WebhookDeliveryEntity delivery = WebhookDeliveryEntity.findById(outcome.deliveryId());
        if (delivery == null || delivery.status != DeliveryStatus.PENDING) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now();
        delivery.attempts++;
        delivery.lastAttemptAt = now;
        delivery.lastStatus = outcome.status();
        delivery.lastError = outcome.delivered() ? null
                : outcome.error() != null ? outcome.error() : "HTTP " + outcome.status();
        if (outcome.delivered()) {
            delivery.status = DeliveryStatus.DELIVERED;
            delivery.deliveredAt = now;
            delivery.nextAttemptAt = null;
        } else if (delivery.attempts >= config.maxAttempts()) {
            delivery.status = DeliveryStatus.FAILED;
            delivery.nextAttemptAt = null;
            LOG.warnf("webhook delivery %d of event %s to subscription %s FAILED after %d attempts: %s",
                    delivery.id, delivery.eventId, delivery.subscriptionId, delivery.attempts, delivery.lastError);
        } else {
            delivery.nextAttemptAt = now.plus(backoff(config.initialBackoff(), config.maxBackoff(),
                    delivery.attempts));
        }
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return message.length() <= MAX_ERROR_LENGTH ? message : message.substring(0, MAX_ERROR_LENGTH);
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
