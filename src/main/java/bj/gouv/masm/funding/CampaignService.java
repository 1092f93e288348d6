package bj.gouv.masm.funding;

import bj.gouv.masm.conventions.ConventionStatus;
import static bj.gouv.masm.funding.FundingVariables.*;

import bj.gouv.masm.reference.ReferenceCategory;
import bj.gouv.masm.reference.ReferenceDataService;
import bj.gouv.masm.security.AccessScope;
import bj.gouv.masm.security.Groups;
import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.AuditTrail;
import bj.gouv.masm.shared.CurrentActor;
import bj.gouv.masm.shared.EngineCalls;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitation campaigns of the framework (§5.2): DPAF invites the PTFs without a collaboration document to
 * file a dossier at the central level; a CPS informs the OSCs of its department without a convention about
 * the new framework. Each partner invited gets a letter (event for the letters feature), a row in
 * campaign_invitation and a PartnerInvitation process with a follow-up task, which ends when the partner
 * files its dossier. A partner with a convention in force, an open dossier or an invitation still pending
 * is skipped.
 */
@Service
@RequiredArgsConstructor
public class CampaignService {

    public static final String PTF_INVITATION = "PTF_INVITATION";
    public static final String FRAMEWORK_COMMUNICATION = "FRAMEWORK_COMMUNICATION";

    private static final String NOT_ENGAGED = """
             and not exists (select 1 from convention c where c.partner_id = p.id and %s)
             and not exists (select 1 from dossier d where d.partner_id = p.id
                             and d.status in ('FILED', 'INCOMPLETE', 'UNDER_REVIEW', 'ACCEPTED'))
             and not exists (select 1 from campaign_invitation i where i.partner_id = p.id and i.status = 'INVITED')
            """.formatted(ConventionStatus.liveSql("c"));

    private final JdbcTemplate jdbc;
    private final RuntimeService runtimeService;
    private final EngineCalls engineCalls;
    private final ReferenceDataService reference;
    private final AccessScope accessScope;
    private final AuditTrail auditTrail;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public record CampaignResult(Long campaignId, String kind, String department, int invited, int skipped,
                                 List<Long> partnerIds) {
    }

    @Transactional
    public CampaignResult invitePtfsWithoutConvention() {
        if (!accessScope.isMemberOrAdmin(Groups.DPAF)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Seules la DPAF et l'administration invitent les PTF");
        }
        Integer all = jdbc.queryForObject("select count(*) from partner where kind = 'PTF'", Integer.class);
        List<Map<String, Object>> targets = jdbc.queryForList(
                "select p.id, p.name from partner p where p.kind = 'PTF'" + NOT_ENGAGED + " order by p.name, p.id");
        return launch(PTF_INVITATION, null, Groups.DPAF, targets, all == null ? 0 : all);
    }

    @Transactional
    public CampaignResult communicateFramework(String departmentParameter) {
        if (departmentParameter == null || departmentParameter.isBlank()) {
            throw ApiException.badRequest("Paramètre department obligatoire (ex. BORGOU)");
        }
        String department = reference.resolve(ReferenceCategory.DEPARTMENT, departmentParameter.trim())
                .orElseThrow(() -> ApiException.badRequest("Département inconnu : « " + departmentParameter.trim() + " »"));
        boolean allowed = accessScope.isMemberOrAdmin(Groups.DPAF, Groups.cps(department));
        if (!allowed) {
            throw new ApiException(HttpStatus.FORBIDDEN,
                    "Seuls le CPS du département, la DPAF et l'administration informent les OSC du département");
        }
        Integer all = jdbc.queryForObject("select count(*) from partner where kind = 'OSC' and head_office_department = ?",
                Integer.class, department);
        List<Map<String, Object>> targets = jdbc.queryForList("select p.id, p.name from partner p where p.kind = 'OSC' "
                + "and p.head_office_department = ?" + NOT_ENGAGED + " order by p.name, p.id", department);
        return launch(FRAMEWORK_COMMUNICATION, department, Groups.cps(department), targets, all == null ? 0 : all);
    }

    private CampaignResult launch(String kind, String department, String followUpGroup, List<Map<String, Object>> targets,
                                  int population) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String actor = currentActor.userId();
        int skipped = population - targets.size();
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(connection -> {
            java.sql.PreparedStatement ps = connection.prepareStatement("insert into campaign (kind, department, invited, "
                    + "skipped, launched_at, launched_by) values (?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, kind);
            ps.setString(2, department);
            ps.setInt(3, targets.size());
            ps.setInt(4, skipped);
            ps.setObject(5, now);
            ps.setString(6, actor);
            return ps;
        }, keys);
        Long campaignId = keys.getKey().longValue();
        String label = PTF_INVITATION.equals(kind) ? "Invitation des PTF sans document de collaboration (n° " + campaignId + ")"
                : "Communication du cadre de coopération aux OSC — " + reference.label(ReferenceCategory.DEPARTMENT, department)
                + " (n° " + campaignId + ")";
        List<Long> partnerIds = new ArrayList<>();
        for (Map<String, Object> target : targets) {
            Long partnerId = ((Number) target.get("id")).longValue();
            jdbc.update("insert into campaign_invitation (campaign_id, partner_id, status, invited_at) values (?, ?, 'INVITED', ?)",
                    campaignId, partnerId, now);
            Long invitationId = jdbc.queryForObject("select id from campaign_invitation where campaign_id = ? and partner_id = ?",
                    Long.class, campaignId, partnerId);
            Map<String, Object> variables = new HashMap<>();
            variables.put(PARTNER_ID, partnerId);
            variables.put(PARTNER_NAME, target.get("name"));
            variables.put(INVITATION_ID, invitationId);
            variables.put(CAMPAIGN_ID, campaignId);
            variables.put(CAMPAIGN_KIND, kind);
            variables.put("campaignLabel", label);
            variables.put(FOLLOW_UP_GROUP, followUpGroup);
            if (department != null) {
                variables.put(DEPARTMENT, department);
            }
            String instanceId = engineCalls.asSystem(() -> runtimeService.startProcessInstanceByKey(INVITATION_PROCESS,
                    "INV-" + campaignId + "-" + partnerId, variables).getId());
            jdbc.update("update campaign_invitation set process_instance_id = ? where id = ?", instanceId, invitationId);
            partnerIds.add(partnerId);
        }
        auditTrail.record("Campaign", campaignId, "LAUNCHED", label + " : " + targets.size() + " partenaire(s) invité(s), "
                + skipped + " déjà engagé(s) ou déjà invité(s)");
        return new CampaignResult(campaignId, kind, department, targets.size(), skipped, partnerIds);
    }

    /** Sends (or re-sends) the invitation: the event the letters feature turns into a letter. */
    @Transactional
    public void invite(Long invitationId) {
        Map<String, Object> row = jdbc.queryForMap("select i.partner_id, i.campaign_id, i.reminders, c.kind, c.department "
                + "from campaign_invitation i join campaign c on c.id = i.campaign_id where i.id = ?", invitationId);
        Long partnerId = ((Number) row.get("partner_id")).longValue();
        Long campaignId = ((Number) row.get("campaign_id")).longValue();
        int reminder = ((Number) row.get("reminders")).intValue();
        if (PTF_INVITATION.equals(row.get("kind"))) {
            events.publishEvent(new PtfInvitedEvent(partnerId, campaignId, reminder));
        } else {
            events.publishEvent(new FrameworkCommunicatedEvent(partnerId, campaignId, (String) row.get("department"), reminder));
        }
        auditTrail.record("CampaignInvitation", invitationId, reminder == 0 ? "INVITED" : "REMINDED",
                "Partenaire " + partnerId + ", campagne " + campaignId);
    }

    /** After the follow-up: one more reminder (the invitation is sent again). */
    @Transactional
    public void countReminder(Long invitationId) {
        jdbc.update("update campaign_invitation set reminders = reminders + 1 where id = ?", invitationId);
    }

    /** Ends the invitation: DOSSIER_FILED (with the dossier) or CLOSED (with the reason). Idempotent. */
    @Transactional
    public void close(Long invitationId, String status, String dossierReference, String reason) {
        String target = "DOSSIER_FILED".equals(status) ? "DOSSIER_FILED" : "CLOSED";
        int n = jdbc.update("update campaign_invitation set status = ?, dossier_reference = ?, closing_reason = ?, "
                + "closed_at = ? where id = ? and status = 'INVITED'", target, dossierReference, reason,
                OffsetDateTime.now(clock), invitationId);
        if (n > 0) {
            auditTrail.record("CampaignInvitation", invitationId, target,
                    dossierReference != null ? "Dossier " + dossierReference : String.valueOf(reason));
        }
    }
}
