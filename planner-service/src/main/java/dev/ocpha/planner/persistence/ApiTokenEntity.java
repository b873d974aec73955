package dev.ocpha.planner.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The hash of the API token generated at first start when none is configured. One row, id 1. */
@Entity
@Table(name = "api_token")
public class ApiTokenEntity extends PanacheEntityBase {

    public static final int THE_TOKEN = 1;

    @Id
    public Integer id;
    @Column(name = "token_hash")
    public String tokenHash;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
