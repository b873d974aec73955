package dev.ocpha.planner.domain;

import dev.ocpha.contracts.EventType;
import dev.ocpha.planner.persistence.DeploymentEntity;
import dev.ocpha.planner.persistence.WebhookDeliveryEntity;
import dev.ocpha.planner.persistence.WebhookEventEntity;
import dev.ocpha.planner.persistence.WebhookSubscriptionEntity;
import dev.ocpha.platform.api.Problem.FieldError;
import dev.ocpha.platform.messaging.EventCodec;
import dev.ocpha.platform.messaging.EventEnvelope;
import dev.ocpha.platform.secrets.SecretStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Webhook subscriptions, and the deliveries each consumed event owes them. A delivery is written in the transaction
 * that records the event in the inbox, so a redelivered event is delivered once; {@code WebhookSender} sends it.
 */
@ApplicationScoped
public class WebhookService {

    private static final int MAX_URL_LENGTH = 2048;
    private static final int MAX_SECRET_REF_LENGTH = 200;
    private static final Map<String, String> CE_TYPES = ceTypesByName();

    private final SecretStore secrets;
    private final EventCodec codec;
    private final WebhookTargetPolicy targets;

    public WebhookService(SecretStore secrets, EventCodec codec, WebhookTargetPolicy targets) {
        this.secrets = secrets;
        this.codec = codec;
        this.targets = targets;
    }

    /** A subscription to make; missing event types or deployment mean every one. */
    public record Subscription(String url, String secretRef, List<String> eventTypes, String deploymentId) {
    }

    @Transactional
    public WebhookSubscriptionEntity subscribe(Subscription request) {
        List<FieldError> errors = new ArrayList<>();
        if (checkUrl(request.url(), errors)) {
            targets.refusal(URI.create(request.url())).ifPresent(refusal -> {
                throw new WebhookTargetRefusedException(refusal);
            });
        }
        checkSecretRef(request.secretRef(), errors);
        Set<String> types = eventTypes(request.eventTypes(), errors);
        UUID deploymentId = deploymentId(request.deploymentId(), errors);
        if (!errors.isEmpty()) {
            throw new WebhookRejectedException(errors);
        }
        WebhookSubscriptionEntity subscription = new WebhookSubscriptionEntity();
        subscription.id = UUID.randomUUID();
        subscription.url = request.url();
        subscription.secretRef = request.secretRef();
        subscription.eventTypes = types.isEmpty() ? null : String.join(",", types);
        subscription.deploymentId = deploymentId;
        subscription.createdAt = OffsetDateTime.now();
        subscription.persist();
        return subscription;
    }

    @Transactional
    public void unsubscribe(String id) {
        existing(id).delete();
    }

    public static WebhookSubscriptionEntity existing(String id) {
        WebhookSubscriptionEntity subscription = uuid(id)
                .map(uuid -> WebhookSubscriptionEntity.<WebhookSubscriptionEntity>findById(uuid)).orElse(null);
        if (subscription == null) {
            throw new WebhookNotFoundException("No webhook subscription " + id + ".");
        }
        return subscription;
    }

    /** Owes the event to every subscription that wants it: its type and its deployment ({@code ce_subject}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onEvent(EventEnvelope envelope) {
        String subject = envelope.deploymentId() != null ? envelope.deploymentId() : envelope.payload().deploymentId();
        String type = envelope.type().ceType();
        List<WebhookSubscriptionEntity> wanting = WebhookSubscriptionEntity.forSubject(subject).stream()
                .filter(subscription -> subscription.wants(type, subject)).toList();
        if (wanting.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now();
        WebhookEventEntity event = new WebhookEventEntity();
        event.id = envelope.id();
        event.type = type;
        event.source = envelope.source();
        event.time = envelope.time() != null ? envelope.time() : now;
        event.subject = subject;
        event.body = codec.toJson(envelope.payload());
        event.persist();
        for (WebhookSubscriptionEntity subscription : wanting) {
            WebhookDeliveryEntity delivery = new WebhookDeliveryEntity();
            delivery.subscriptionId = subscription.id;
            delivery.eventId = event.id;
            delivery.eventType = type;
            delivery.status = DeliveryStatus.PENDING;
            delivery.createdAt = now;
            delivery.nextAttemptAt = now;
            delivery.persist();
        }
    }

    /** Whether {@code url} is a well-formed webhook URL; if not, adds why to {@code errors}. */
    private static boolean checkUrl(String url, List<FieldError> errors) {
        if (url == null || url.isBlank()) {
            errors.add(new FieldError("url", "is required: the http or https URL to POST events to"));
            return false;
        }
        if (url.length() > MAX_URL_LENGTH) {
            errors.add(new FieldError("url", "is longer than " + MAX_URL_LENGTH + " characters"));
            return false;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            errors.add(new FieldError("url", "is not a valid URL: " + e.getReason()));
            return false;
        }
        String scheme = uri.getScheme();
        if (!uri.isAbsolute() || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            errors.add(new FieldError("url", "must be an absolute http or https URL"));
        } else if (uri.getRawUserInfo() != null) {
            errors.add(new FieldError("url", "must not contain user info (user:password@)",
                    "the receiver authenticates requests by their X-Ocpha-Signature"));
        } else if (uri.getHost() == null) {
            errors.add(new FieldError("url", "must name a host"));
        } else {
            return true;
        }
        return false;
    }

    private void checkSecretRef(String ref, List<FieldError> errors) {
        String hint = "set ocpha.secrets.\"<ref>\" in the planner's configuration and name <ref> here";
        if (ref == null || ref.isBlank()) {
            errors.add(new FieldError("secretRef", "is required: the reference of the signing secret", hint));
        } else if (ref.length() > MAX_SECRET_REF_LENGTH
                || secrets.find(ref).filter(value -> !value.isEmpty()).isEmpty()) {
            errors.add(new FieldError("secretRef", "no secret is configured for this reference", hint));
        }
    }

    private static Set<String> eventTypes(List<String> names, List<FieldError> errors) {
        Set<String> types = new LinkedHashSet<>();
        if (names == null) {
            return types;
        }
        for (int i = 0; i < names.size(); i++) {
            String type = names.get(i) == null ? null : CE_TYPES.get(names.get(i));
            if (type == null) {
                errors.add(new FieldError("eventTypes[" + i + "]", "is not an event type",
                        "a ce_type such as ocpha.DeploymentSucceeded, or its short name DeploymentSucceeded"));
            } else {
                types.add(type);
            }
        }
        return types;
    }

    private static UUID deploymentId(String id, List<FieldError> errors) {
        if (id == null) {
            return null;
        }
        Optional<UUID> deployment = uuid(id).filter(uuid -> DeploymentEntity.findById(uuid) != null);
        if (deployment.isEmpty()) {
            errors.add(new FieldError("deploymentId", "is not the id of a deployment"));
        }
        return deployment.orElse(null);
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> ceTypesByName() {
        Map<String, String> byName = new HashMap<>();
        Arrays.stream(EventType.values()).forEach(type -> {
            byName.put(type.ceType(), type.ceType());
            byName.put(type.recordType().getSimpleName(), type.ceType());
        });
        return Map.copyOf(byName);
    }
}
