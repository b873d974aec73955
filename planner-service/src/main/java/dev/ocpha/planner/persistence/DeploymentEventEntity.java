package dev.ocpha.planner.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One line of a deployment's progress log (step, check, fact or status), streamed as a server-sent event. */
@Entity
@Table(name = "deployment_event")
public class DeploymentEventEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    @Column(name = "deployment_id")
    public UUID deploymentId;
    public OffsetDateTime at;
    public String type;
    /** JSON object; never a secret. */
    public String data;

    public static List<DeploymentEventEntity> after(UUID deploymentId, long seq, int limit) {
        return find("deploymentId = ?1 and seq > ?2 order by seq", deploymentId, seq).range(0, limit - 1).list();
    }
}
