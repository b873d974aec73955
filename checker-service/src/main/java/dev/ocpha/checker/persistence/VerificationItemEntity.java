package dev.ocpha.checker.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "verification_item")
public class VerificationItemEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "report_id")
    public UUID reportId;
    public String target;
    @Column(name = "check_name")
    public String checkName;
    public String status;
    public String observed;
    public String expected;
    public String message;

    public static List<VerificationItemEntity> ofReport(UUID reportId) {
        return list("reportId = ?1 order by id", reportId);
    }
}
