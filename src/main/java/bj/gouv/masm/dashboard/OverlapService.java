package bj.gouv.masm.dashboard;

import bj.gouv.masm.funding.FundingReadQueries;
import bj.gouv.masm.reporting.ReportingReadQueries;
import bj.gouv.masm.reporting.ReportingReadQueries.OverlappingActivities;
import bj.gouv.masm.reporting.ReportingReadQueries.PartnerActivity;
import bj.gouv.masm.security.AccessScope;
import bj.gouv.masm.security.Groups;
import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.AuditTrail;
import bj.gouv.masm.shared.CurrentActor;
import bj.gouv.masm.shared.PageResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Overlap detection on the activities the CPS record with the quarterly reports (table
 * report_activity): two activities of <em>different partners</em>, in the <em>same commune</em>
 * (hence department), <em>same domain</em> and <em>same target group</em>, whose periods overlap
 * (bounds included). Activities without a commune are not compared. Detection only inserts pairs not
 * flagged yet, so a reviewed flag keeps its review whatever the number of runs.
 *
 * <p>Activities PTFs declare they fund (table funded_activity, feature {@code funding}) count the same way:
 * a funded activity is compared with the report activities and with the other funded activities; its
 * "partner" is the funder. A funded activity is not compared with the activities of its own implementing
 * partner (the OSC reporting the very activity the PTF funds).
 */
@Service
@RequiredArgsConstructor
public class OverlapService {

    private static final Logger log = LoggerFactory.getLogger(OverlapService.class);

    /** Columns of a new flag; {@code :aId}/{@code :bId} go to the columns the pair's kind names. */
    private static final String INSERT_SQL = """
            insert into overlap_flag (%s, %s, partner_a_id, partner_b_id, department, commune,
                domain, target_group, overlap_start, overlap_end, status, detected_at, detected_by, version)
            values (:aId, :bId, :partnerAId, :partnerBId, :department, :commune, :domain, :targetGroup,
                    :start, :end, 'OPEN', :now, :actor, 0)
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final ReportingReadQueries reporting;
    private final FundingReadQueries funding;
    private final OverlapFlagRepository repository;
    private final AccessScope scope;
    private final AuditTrail auditTrail;
    private final CurrentActor currentActor;
    private final Clock clock;
    private final TransactionTemplate transactions;

    /** Flags the overlaps not flagged yet; returns how many new flags were created. */
    public synchronized int detect() {
        for (int attempt = 1; ; attempt++) {
            try {
                Integer created = transactions.execute(status -> {
                    OffsetDateTime now = OffsetDateTime.now(clock);
                    String actor = currentActor.userId();
                    int n = flag("activity_a_id", "activity_b_id", reporting.overlappingActivities(), now, actor)
                            + flag("funded_a_id", "activity_b_id", funding.overlappingReportedActivities(), now, actor)
                            + flag("funded_a_id", "funded_b_id", funding.overlappingFundedActivities(), now, actor);
                    if (n > 0) {
                        auditTrail.record("OverlapFlag", "detection", "DETECTED", n + " nouveau(x) chevauchement(s)");
                    }
                    return n;
                });
                if (created != null && created > 0) {
                    log.info("Overlap detection: {} new flag(s)", created);
                }
                return created == null ? 0 : created;
            } catch (DataIntegrityViolationException e) {
                // another node flagged the same pair meanwhile: run again, it skips what exists
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    /** Inserts the pairs not flagged yet (columns {@code aColumn}, {@code bColumn}); returns how many. */
    private int flag(String aColumn, String bColumn, List<OverlappingActivities> pairs, OffsetDateTime now,
                     String actor) {
        if (pairs.isEmpty()) {
            return 0;
        }
        Set<List<Long>> flagged = new HashSet<>();
        jdbc.query("select " + aColumn + ", " + bColumn + " from overlap_flag where " + aColumn + " is not null and "
                + bColumn + " is not null", rs -> {
            flagged.add(List.of(rs.getLong(1), rs.getLong(2)));
        });
        List<MapSqlParameterSource> rows = pairs.stream()
                .filter(p -> !flagged.contains(List.of(p.aId(), p.bId())))
                .map(p -> new MapSqlParameterSource().addValue("aId", p.aId()).addValue("bId", p.bId())
                        .addValue("partnerAId", p.partnerAId()).addValue("partnerBId", p.partnerBId())
                        .addValue("department", p.department()).addValue("commune", p.commune())
                        .addValue("domain", p.domain()).addValue("targetGroup", p.targetGroup())
                        .addValue("start", p.start()).addValue("end", p.end()).addValue("now", now)
                        .addValue("actor", actor))
                .toList();
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(INSERT_SQL.formatted(aColumn, bColumn), rows.toArray(MapSqlParameterSource[]::new));
        }
        return rows.size();
    }

    public record ActivityView(Long id, Long partnerId, String partnerName, String department, String commune,
                               String domain, String targetGroup, String description, LocalDate startDate,
                               LocalDate endDate, long budgetXof, Long beneficiaries, String source) {
    }

    /** {@link ActivityView#source()}: an activity of a quarterly report, or an activity a PTF funds. */
    public static final String SOURCE_REPORT = "REPORT";
    public static final String SOURCE_FUNDED = "FUNDED";

    public record OverlapView(Long id, OverlapStatus status, String department, String commune, String domain,
                              String targetGroup, LocalDate overlapStart, LocalDate overlapEnd,
                              OffsetDateTime detectedAt, String reason, String reviewedBy, OffsetDateTime reviewedAt,
                              ActivityView activityA, ActivityView activityB) {
    }

    /** Flags visible to the caller (CPS: their departments), newest first; null status = all. */
    @Transactional(readOnly = true)
    public PageResponse<OverlapView> list(OverlapStatus status, int page, int size) {
        if (page < 0 || size < 1 || size > 1000) {
            throw ApiException.badRequest("Pagination invalide : page >= 0 et 1 <= size <= 1000");
        }
        boolean all = scope.seesAllDepartments();
        Collection<String> departments = all ? List.of("-") : nonEmpty(scope.cpsDepartments());
        Page<OverlapFlag> flags = repository.search(status, all, departments,
                PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "detectedAt").and(Sort.by("id"))));
        Activities activities = activities(flags.getContent());
        return PageResponse.of(flags, f -> view(f, activities));
    }

    @Transactional(readOnly = true)
    public List<OverlapView> listAll(OverlapStatus status) {
        List<OverlapView> all = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            PageResponse<OverlapView> next = list(status, page, 1000);
            all.addAll(next.content());
            if (page + 1 >= next.totalPages()) {
                return all;
            }
        }
    }

    /** DPAF (or an administrator) marks a flag complementary or duplicate, with a reason. */
    @Transactional
    public OverlapView review(Long id, String decision, String reason) {
        if (!scope.isMemberOrAdmin(Groups.DPAF)) {
            throw new ApiException(org.springframework.http.HttpStatus.FORBIDDEN,
                    "Seule la DPAF peut examiner un chevauchement");
        }
        OverlapStatus status = switch (decision == null ? "" : decision.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "COMPLEMENTARY" -> OverlapStatus.REVIEWED_COMPLEMENTARY;
            case "DUPLICATE" -> OverlapStatus.REVIEWED_DUPLICATE;
            default -> throw ApiException.invalid(List.of(new ApiException.FieldError("decision",
                    "décision attendue : COMPLEMENTARY ou DUPLICATE")));
        };
        if (reason == null || reason.isBlank()) {
            throw ApiException.invalid(List.of(new ApiException.FieldError("reason", "le motif est obligatoire")));
        }
        if (reason.length() > 2000) {
            throw ApiException.invalid(List.of(new ApiException.FieldError("reason", "2000 caractères au plus")));
        }
        OverlapFlag flag = repository.findById(id)
                .orElseThrow(() -> ApiException.notFound("Chevauchement inconnu : " + id));
        OverlapStatus before = flag.getStatus();
        flag.review(status, reason.trim(), currentActor.userId(), OffsetDateTime.now(clock));
        repository.saveAndFlush(flag);
        auditTrail.record("OverlapFlag", id, "REVIEWED", before + " -> " + status + " : " + reason.trim());
        return view(flag, activities(List.of(flag)));
    }

    private record Activities(Map<Long, ActivityView> reported, Map<Long, ActivityView> funded) {
    }

    private Activities activities(List<OverlapFlag> flags) {
        Set<Long> ids = new LinkedHashSet<>();
        Set<Long> fundedIds = new LinkedHashSet<>();
        flags.forEach(f -> {
            if (f.getActivityAId() != null) {
                ids.add(f.getActivityAId());
            }
            if (f.getActivityBId() != null) {
                ids.add(f.getActivityBId());
            }
            if (f.getFundedAId() != null) {
                fundedIds.add(f.getFundedAId());
            }
            if (f.getFundedBId() != null) {
                fundedIds.add(f.getFundedBId());
            }
        });
        Map<Long, ActivityView> byId = new HashMap<>();
        Map<Long, ActivityView> fundedById = new HashMap<>();
        reporting.activities(ids).forEach(a -> byId.put(a.id(), view(a, SOURCE_REPORT)));
        funding.activities(fundedIds).forEach(a -> fundedById.put(a.id(), view(a, SOURCE_FUNDED)));
        return new Activities(byId, fundedById);
    }

    private static ActivityView view(PartnerActivity a, String source) {
        return new ActivityView(a.id(), a.partnerId(), a.partnerName(), a.department(), a.commune(), a.domain(),
                a.targetGroup(), a.description(), a.start(), a.end(), a.budgetXof(), a.beneficiaries(), source);
    }

    private static OverlapView view(OverlapFlag f, Activities activities) {
        ActivityView a = f.getFundedAId() != null ? activities.funded().get(f.getFundedAId())
                : activities.reported().get(f.getActivityAId());
        ActivityView b = f.getFundedBId() != null ? activities.funded().get(f.getFundedBId())
                : activities.reported().get(f.getActivityBId());
        return new OverlapView(f.getId(), f.getStatus(), f.getDepartment(), f.getCommune(), f.getDomain(),
                f.getTargetGroup(), f.getOverlapStart(), f.getOverlapEnd(), f.getDetectedAt(), f.getReason(),
                f.getReviewedBy(), f.getReviewedAt(), a, b);
    }

    private static Collection<String> nonEmpty(Set<String> departments) {
        return departments.isEmpty() ? List.of("-") : departments;
    }
}
