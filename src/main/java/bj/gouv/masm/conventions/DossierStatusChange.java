package bj.gouv.masm.conventions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(name = "dossier_status_change")
public class DossierStatusChange extends StatusChange {

    @Column(name = "dossier_id", nullable = false)
    private Long dossierId;

    protected DossierStatusChange() {
    }

    public DossierStatusChange(Long dossierId, OffsetDateTime at, String by, String from, String to, String reason) {
        super(at, by, from, to, reason);
        this.dossierId = dossierId;
    }

    public Long getDossierId() { return dossierId; }
}
