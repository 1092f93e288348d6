package bj.gouv.masm.reporting;

import bj.gouv.masm.shared.AuditedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;

/** The quarterly report of one OSC convention for one quarter (business key {@code CONV-2026-0007_2026-Q3}). */
@Entity
@Table(name = "quarterly_report")
public class QuarterlyReport extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "business_key", nullable = false, unique = true)
    private String businessKey;

    @Column(name = "convention_id", nullable = false)
    private Long conventionId;

    @Column(name = "convention_number", nullable = false)
    private String conventionNumber;

    @Column(name = "partner_id", nullable = false)
    private Long partnerId;

    @Column(nullable = false)
    private String department;

    @Column(name = "report_year", nullable = false)
    private int year;

    @Column(name = "report_quarter", nullable = false)
    private int quarter;

    @Column(name = "period_start", nullable = false)
    private LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    private LocalDate periodEnd;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReportStatus status;

    @Enumerated(EnumType.STRING)
    private Timeliness timeliness;

    @Column(name = "settled_at")
    private OffsetDateTime settledAt;

    @Column(name = "activities_summary")
    private String activitiesSummary;

    @Column(name = "beneficiaries_reached")
    private Long beneficiariesReached;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "quarterly_report_beneficiary", joinColumns = @JoinColumn(name = "report_id"))
    @MapKeyColumn(name = "target_group")
    @Column(name = "beneficiaries")
    private Map<String, Long> beneficiariesByTargetGroup = new TreeMap<>();

    @Column(name = "indicators_reported", nullable = false)
    private int indicatorsReported;

    @Column(name = "indicators_expected", nullable = false)
    private int indicatorsExpected;

    @Column(name = "consecutive_missed")
    private Integer consecutiveMissed;

    @Column(name = "consecutive_incomplete")
    private Integer consecutiveIncomplete;

    @Enumerated(EnumType.STRING)
    private Sanction sanction;

    @Column(name = "revocation_decision")
    private String revocationDecision;

    @Column(name = "revocation_reason")
    private String revocationReason;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    protected QuarterlyReport() {
    }

    public QuarterlyReport(String conventionNumber, Long conventionId, Long partnerId, String department,
                           Quarter quarter, int indicatorsExpected) {
        this.businessKey = businessKey(conventionNumber, quarter);
        this.conventionNumber = conventionNumber;
        this.conventionId = conventionId;
        this.partnerId = partnerId;
        this.department = department;
        this.year = quarter.year();
        this.quarter = quarter.quarter();
        this.periodStart = quarter.start();
        this.periodEnd = quarter.end();
        this.status = ReportStatus.OPEN;
        this.indicatorsExpected = indicatorsExpected;
    }

    public static String businessKey(String conventionNumber, Quarter quarter) {
        return conventionNumber + "_" + quarter;
    }

    public void received(Timeliness timeliness, String summary, Long beneficiaries, Map<String, Long> byGroup,
                         OffsetDateTime now) {
        this.status = ReportStatus.RECEIVED;
        this.timeliness = timeliness;
        this.activitiesSummary = summary;
        this.beneficiariesReached = beneficiaries;
        this.beneficiariesByTargetGroup.clear();
        this.beneficiariesByTargetGroup.putAll(byGroup);
        this.settledAt = now;
    }

    public void missed(OffsetDateTime now) {
        this.status = ReportStatus.MISSED;
        this.timeliness = Timeliness.MISSED;
        this.settledAt = now;
    }

    public void assessed(int consecutiveMissed, int consecutiveIncomplete) {
        this.consecutiveMissed = consecutiveMissed;
        this.consecutiveIncomplete = consecutiveIncomplete;
    }

    public void revocationDecided(boolean confirmed, String reason, String actor, OffsetDateTime now) {
        this.revocationDecision = confirmed ? "CONFIRMED" : "DECLINED";
        this.revocationReason = reason;
        this.decidedBy = actor;
        this.decidedAt = now;
    }

    public boolean isIncomplete() {
        return indicatorsReported < indicatorsExpected;
    }

    public Quarter quarterValue() {
        return new Quarter(year, quarter);
    }

    public Long getId() { return id; }
    public String getBusinessKey() { return businessKey; }
    public Long getConventionId() { return conventionId; }
    public String getConventionNumber() { return conventionNumber; }
    public Long getPartnerId() { return partnerId; }
    public String getDepartment() { return department; }
    public int getYear() { return year; }
    public int getQuarter() { return quarter; }
    public LocalDate getPeriodStart() { return periodStart; }
    public LocalDate getPeriodEnd() { return periodEnd; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public ReportStatus getStatus() { return status; }
    public Timeliness getTimeliness() { return timeliness; }
    public OffsetDateTime getSettledAt() { return settledAt; }
    public String getActivitiesSummary() { return activitiesSummary; }
    public Long getBeneficiariesReached() { return beneficiariesReached; }
    public Map<String, Long> getBeneficiariesByTargetGroup() { return beneficiariesByTargetGroup; }
    public int getIndicatorsReported() { return indicatorsReported; }
    public void setIndicatorsReported(int indicatorsReported) { this.indicatorsReported = indicatorsReported; }
    public int getIndicatorsExpected() { return indicatorsExpected; }
    public Integer getConsecutiveMissed() { return consecutiveMissed; }
    public Integer getConsecutiveIncomplete() { return consecutiveIncomplete; }
    public Sanction getSanction() { return sanction; }
    public void setSanction(Sanction sanction) { this.sanction = sanction; }
    public String getRevocationDecision() { return revocationDecision; }
    public String getRevocationReason() { return revocationReason; }
    public String getDecidedBy() { return decidedBy; }
    public OffsetDateTime getDecidedAt() { return decidedAt; }
}
