package dev.ocpha.planner.persistence;

import dev.ocpha.planner.domain.DeliveryStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One event to one subscription, with its attempts. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDeliveryEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "subscription_id")
    public UUID subscriptionId;
    @Column(name = "event_id")
    public String eventId;
    /** The event's {@code ce_type}. */
    @Column(name = "event_type")
    public String eventType;
    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;
    public int attempts;
    /** The HTTP status of the last answer; null when the last attempt got none. */
    @Column(name = "last_status")
    public Integer lastStatus;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "last_attempt_at")
    public OffsetDateTime lastAttemptAt;
    /** When a PENDING delivery is due; a sender that claims it moves this past the end of its attempt. */
    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;
    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;

    public static List<WebhookDeliveryEntity> recent(UUID subscriptionId, int limit) {
        return find("subscriptionId = ?1 order by id desc", subscriptionId).range(0, limit - 1).list();
    }
}
