package bj.gouv.masm.conventions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(name = "convention_status_change")
public class ConventionStatusChange extends StatusChange {

    @Column(name = "convention_id", nullable = false)
    private Long conventionId;

    protected ConventionStatusChange() {
    }

    public ConventionStatusChange(Long conventionId, OffsetDateTime at, String by, String from, String to,
                                  String reason) {
        super(at, by, from, to, reason);
        this.conventionId = conventionId;
    }

    public Long getConventionId() { return conventionId; }
}
