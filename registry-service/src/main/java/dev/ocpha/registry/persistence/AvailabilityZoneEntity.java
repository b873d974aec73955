package dev.ocpha.registry.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** An availability zone of a multi-AZ OCP cluster: its IDCs, access address, ConfigUrl and MetaDB proxy. */
@Entity
@Table(name = "availability_zone")
public class AvailabilityZoneEntity extends PanacheEntityBase {

    public static final String PLANNED = "PLANNED";
    public static final String ASSIGNED = "ASSIGNED";
    public static final String ACTIVE = "ACTIVE";
    public static final String FAILED = "FAILED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "deployment_id")
    public UUID deploymentId;
    public String cluster;
    public String name;
    /** Comma-separated IDC names. */
    public String idcs;
    @Column(name = "access_address")
    public String accessAddress;
    @Column(name = "config_url")
    public String configUrl;
    @Column(name = "metadb_proxy")
    public String metaDbProxy;
    @Column(name = "monitordb_address")
    public String monitorDbAddress;
    public String status;
    @Column(name = "failure_reason")
    public String failureReason;
    /** The AZ parameters' attempt: 1, one more each time a retried deployment asks again. */
    public int attempt = 1;
    @Column(name = "assigned_at")
    public OffsetDateTime assignedAt;
    @Column(name = "activated_at")
    public OffsetDateTime activatedAt;

    public List<String> idcList() {
        return idcs.isEmpty() ? List.of() : Arrays.asList(idcs.split(","));
    }

    public static List<AvailabilityZoneEntity> ofDeployment(UUID deploymentId) {
        return list("deploymentId = ?1 order by name", deploymentId);
    }

    public static List<AvailabilityZoneEntity> all() {
        return list("order by name, id");
    }
}
