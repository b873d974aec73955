package dev.ocpha.planner.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Where to POST which events; signed with the secret behind {@code secretRef}, whose value is never stored. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscriptionEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String url;
    @Column(name = "secret_ref")
    public String secretRef;
    /** Comma-separated {@code ce_type}s; null for every type. */
    @Column(name = "event_types")
    public String eventTypes;
    /** Only this deployment's events; null for every deployment. */
    @Column(name = "deployment_id")
    public UUID deploymentId;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public List<String> eventTypeList() {
        return eventTypes == null ? List.of() : Arrays.asList(eventTypes.split(","));
    }

    public boolean wants(String ceType, String subject) {
        return (deploymentId == null || deploymentId.toString().equals(subject))
                && (eventTypes == null || eventTypeList().contains(ceType));
    }

    /** The subscriptions that may want an event of this deployment; the caller checks the types. */
    public static List<WebhookSubscriptionEntity> forSubject(String subject) {
        UUID deployment;
        try {
            deployment = UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            return list("deploymentId is null");
        }
        return list("deploymentId is null or deploymentId = ?1", deployment);
    }
}
