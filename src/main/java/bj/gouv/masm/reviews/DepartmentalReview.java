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
import java.time.OffsetDateTime;

/** The half-yearly review of one department, business key {@code <DEPARTMENT>_<YYYY>-S<n>}. */
@Entity
@Table(name = "departmental_review")
public class DepartmentalReview extends AuditedEntity {

    /** NOT_HELD: closed by DPAF after the deadline without a meeting, so the half-year can be compiled. */
    public enum Status { OPEN, PREPARED, HELD, NOT_HELD }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "business_key", nullable = false, unique = true)
    private String businessKey;

    @Column(nullable = false)
    private String department;

    @Column(name = "half_year_key", nullable = false)
    private String halfYearKey;

    @Column(name = "review_year", nullable = false)
    private int reviewYear;

    @Column(nullable = false)
    private int semester;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(nullable = false)
    private OffsetDateTime deadline;

    @Column(name = "planned_on")
    private LocalDate plannedOn;

    private String venue;

    @Column(name = "held_on")
    private LocalDate heldOn;

    private String minutes;

    @Column(name = "participants_count")
    private Integer participantsCount;

    @Column(name = "escalated_at")
    private OffsetDateTime escalatedAt;

    @Column(name = "dpaf_copy_at")
    private OffsetDateTime dpafCopyAt;

    protected DepartmentalReview() {
    }

    public DepartmentalReview(String department, HalfYear halfYear, OffsetDateTime deadline) {
        this.department = department;
        this.halfYearKey = halfYear.toString();
        this.reviewYear = halfYear.year();
        this.semester = halfYear.semester();
        this.businessKey = businessKey(department, halfYear);
        this.deadline = deadline;
        this.status = Status.OPEN;
    }

    public static String businessKey(String department, HalfYear halfYear) {
        return department + "_" + halfYear;
    }

    public void prepare(LocalDate plannedOn, String venue) {
        this.plannedOn = plannedOn;
        this.venue = venue;
        if (status == Status.OPEN) {
            status = Status.PREPARED;
        }
    }

    public void hold(LocalDate heldOn, String minutes, int participantsCount) {
        this.heldOn = heldOn;
        this.minutes = minutes;
        this.participantsCount = participantsCount;
        this.status = Status.HELD;
    }

    public void closeNotHeld() {
        this.status = Status.NOT_HELD;
    }

    public HalfYear halfYear() {
        return HalfYear.parse(halfYearKey); // 2026-S1, or 2026-Q3 when the calendar is quarterly
    }

    public Long getId() { return id; }
    public String getBusinessKey() { return businessKey; }
    public String getDepartment() { return department; }
    public String getHalfYearKey() { return halfYearKey; }
    public int getReviewYear() { return reviewYear; }
    public int getSemester() { return semester; }
    public Status getStatus() { return status; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public OffsetDateTime getDeadline() { return deadline; }
    public LocalDate getPlannedOn() { return plannedOn; }
    public String getVenue() { return venue; }
    public LocalDate getHeldOn() { return heldOn; }
    public String getMinutes() { return minutes; }
    public Integer getParticipantsCount() { return participantsCount; }
    public OffsetDateTime getEscalatedAt() { return escalatedAt; }
    public void setEscalatedAt(OffsetDateTime escalatedAt) { this.escalatedAt = escalatedAt; }
    public OffsetDateTime getDpafCopyAt() { return dpafCopyAt; }
    public void setDpafCopyAt(OffsetDateTime dpafCopyAt) { this.dpafCopyAt = dpafCopyAt; }
}
