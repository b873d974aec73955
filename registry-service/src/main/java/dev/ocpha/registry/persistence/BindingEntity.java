package dev.ocpha.registry.persistence;

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

/** A standby cluster's binding to the primary: REQUESTED, then BOUND or FAILED. */
@Entity
@Table(name = "binding")
public class BindingEntity extends PanacheEntityBase {

    public static final String REQUESTED = "REQUESTED";
    public static final String BOUND = "BOUND";
    public static final String FAILED = "FAILED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "deployment_id")
    public UUID deploymentId;
    @Column(name = "standby_cluster")
    public String standbyCluster;
    @Column(name = "primary_cluster")
    public String primaryCluster;
    public String status;
    @Column(name = "requested_at")
    public OffsetDateTime requestedAt;
    @Column(name = "bound_at")
    public OffsetDateTime boundAt;
    @Column(name = "heartbeat_at")
    public OffsetDateTime heartbeatAt;
    @Column(name = "sync_state")
    public String syncState;
    @Column(name = "failure_reason")
    public String failureReason;
    /** The registration's attempt: 1, one more each time a retried deployment asks again. */
    public int attempt = 1;

    public static List<BindingEntity> ofDeployment(UUID deploymentId) {
        return list("deploymentId = ?1 order by standbyCluster", deploymentId);
    }

    public static BindingEntity find(UUID deploymentId, String standbyCluster) {
        return find("deploymentId = ?1 and standbyCluster = ?2", deploymentId, standbyCluster).firstResult();
    }
}
