package bj.gouv.masm.conventions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A mid-term or final evaluation of a convention. */
@Entity
@Table(name = "convention_evaluation")
public class ConventionEvaluation {

    public static final String MID_TERM = "MID_TERM";
    public static final String FINAL = "FINAL";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "convention_id", nullable = false)
    private Long conventionId;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String rating;

    private String recommendations;

    @Column(name = "renewal_requested")
    private Boolean renewalRequested;

    @Column(name = "evaluated_at", nullable = false)
    private OffsetDateTime evaluatedAt;

    @Column(name = "evaluated_by", nullable = false)
    private String evaluatedBy;

    protected ConventionEvaluation() {
    }

    public ConventionEvaluation(Long conventionId, String kind, String rating, String recommendations,
                                Boolean renewalRequested, OffsetDateTime evaluatedAt, String evaluatedBy) {
        this.conventionId = conventionId;
        this.kind = kind;
        this.rating = rating;
        this.recommendations = recommendations;
        this.renewalRequested = renewalRequested;
        this.evaluatedAt = evaluatedAt;
        this.evaluatedBy = evaluatedBy;
    }

    public Long getId() { return id; }
    public Long getConventionId() { return conventionId; }
    public String getKind() { return kind; }
    public String getRating() { return rating; }
    public String getRecommendations() { return recommendations; }
    public Boolean getRenewalRequested() { return renewalRequested; }
    public OffsetDateTime getEvaluatedAt() { return evaluatedAt; }
    public String getEvaluatedBy() { return evaluatedBy; }
}
