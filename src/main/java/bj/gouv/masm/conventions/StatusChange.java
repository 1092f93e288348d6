package bj.gouv.masm.conventions;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.OffsetDateTime;

/** One line of a status history: who, when, from, to, why. */
@MappedSuperclass
public abstract class StatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "changed_at", nullable = false)
    private OffsetDateTime changedAt;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    @Column(name = "from_status")
    private String fromStatus;

    @Column(name = "to_status", nullable = false)
    private String toStatus;

    private String reason;

    protected StatusChange() {
    }

    protected StatusChange(OffsetDateTime changedAt, String changedBy, String fromStatus, String toStatus,
                           String reason) {
        this.changedAt = changedAt;
        this.changedBy = changedBy;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.reason = reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000);
    }

    public Long getId() { return id; }
    public OffsetDateTime getChangedAt() { return changedAt; }
    public String getChangedBy() { return changedBy; }
    public String getFromStatus() { return fromStatus; }
    public String getToStatus() { return toStatus; }
    public String getReason() { return reason; }
}
