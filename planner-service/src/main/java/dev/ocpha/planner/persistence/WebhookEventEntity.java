package dev.ocpha.planner.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An event that a subscription matched, as it is POSTed: its CloudEvents attributes and its JSON. */
@Entity
@Table(name = "webhook_event")
public class WebhookEventEntity extends PanacheEntityBase {

    /** The {@code ce_id}. */
    @Id
    public String id;
    public String type;
    public String source;
    @Column(name = "event_time")
    public OffsetDateTime time;
    public String subject;
    /** The event record's JSON; events carry secret references only, never values. */
    public String body;
}
