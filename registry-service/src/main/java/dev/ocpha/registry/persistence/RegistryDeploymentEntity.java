package dev.ocpha.registry.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A planned deployment as the registry knows it: what the facts it receives belong to. */
@Entity
@Table(name = "registry_deployment")
public class RegistryDeploymentEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    /** Comma-separated modes, e.g. {@code MULTI_CLUSTER,MULTI_AZ}. */
    public String modes;
    @Column(name = "ocp_version")
    public String ocpVersion;
    /** The plan's secret references as JSON ({@code SecretKeys} → reference); never secrets. */
    @Column(name = "secret_refs")
    public String secretRefs;
    /** The installer profile the deployment's steps follow; the registry's requests carry it to the executors. */
    @Column(name = "installer_profile")
    public String installerProfile;
    @Column(name = "planned_at")
    public OffsetDateTime plannedAt;
}
