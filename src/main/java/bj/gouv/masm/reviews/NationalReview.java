package bj.gouv.masm.reviews;

import bj.gouv.masm.shared.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** The annual national review (March, covering the previous year) and its Joint Commission. */
@Entity
@Table(name = "national_review")
public class NationalReview extends AuditedEntity {

    public enum Status { OPEN, REVIEW_HELD, COMMISSION_HELD }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "business_key", nullable = false, unique = true)
    private String businessKey;

    @Column(name = "review_year", nullable = false)
    private int reviewYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "held_on")
    private LocalDate heldOn;

    private String minutes;

    @Column(name = "participants_count")
    private Integer participantsCount;

    @Column(name = "commission_held_on")
    private LocalDate commissionHeldOn;

    @Column(name = "commission_decisions")
    private String commissionDecisions;

    protected NationalReview() {
    }

    public NationalReview(int reviewYear) {
        this.reviewYear = reviewYear;
        this.businessKey = businessKey(reviewYear);
        this.status = Status.OPEN;
    }

    public static String businessKey(int year) {
        return "NATIONAL_" + year;
    }

    void hold(LocalDate heldOn, String minutes, int participantsCount) {
        this.heldOn = heldOn;
        this.minutes = minutes;
        this.participantsCount = participantsCount;
        this.status = Status.REVIEW_HELD;
    }

    void holdCommission(LocalDate heldOn, String decisions) {
        this.commissionHeldOn = heldOn;
        this.commissionDecisions = decisions;
        this.status = Status.COMMISSION_HELD;
    }

    public Long getId() { return id; }
    public String getBusinessKey() { return businessKey; }
    public int getReviewYear() { return reviewYear; }
    public Status getStatus() { return status; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public LocalDate getHeldOn() { return heldOn; }
    public String getMinutes() { return minutes; }
    public Integer getParticipantsCount() { return participantsCount; }
    public LocalDate getCommissionHeldOn() { return commissionHeldOn; }
    public String getCommissionDecisions() { return commissionDecisions; }
}
