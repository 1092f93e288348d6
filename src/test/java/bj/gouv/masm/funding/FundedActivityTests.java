package bj.gouv.masm.funding;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.conventions.ConventionRepository;
import bj.gouv.masm.dashboard.OverlapFlag;
import bj.gouv.masm.dashboard.OverlapFlagRepository;
import bj.gouv.masm.dashboard.OverlapService;
import bj.gouv.masm.dashboard.SectorFixture;
import bj.gouv.masm.conventions.Convention;
import bj.gouv.masm.conventions.ConventionStatus;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerKind;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.reporting.CommuneDirectory;
import bj.gouv.masm.support.IntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** PTF-funded activities over the API, and overlap detection counting them like OSC activities. */
class FundedActivityTests extends IntegrationTestBase {

    @Autowired
    PartnerRepository partners;
    @Autowired
    ConventionRepository conventions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommuneDirectory communes;
    @Autowired
    OverlapService overlaps;
    @Autowired
    OverlapFlagRepository flags;
    @Autowired
    ObjectMapper json;

    SectorFixture fixture;
    ApiCalls api;
    Partner ptf;
    Partner otherPtf;
    Partner osc;
    String commune;

    @BeforeEach
    void setUp() {
        fixture = new SectorFixture(partners, conventions, jdbc);
        api = new ApiCalls(baseUrl());
        ptf = fixture.partner("Agence", PartnerKind.PTF, "LITTORAL", Set.of("MONO"), Set.of("DISABILITY"),
                Set.of("DISABLED"), Set.of("SOCIAL_AFFAIRS"), false);
        otherPtf = fixture.partner("Fonds", PartnerKind.PTF, "LITTORAL", Set.of("MONO"), Set.of("DISABILITY"),
                Set.of("DISABLED"), Set.of("SOCIAL_AFFAIRS"), false);
        osc = fixture.osc("MONO", "DISABILITY", "DISABLED");
        commune = communes.communesOf("MONO").get(0);
    }

    private String body(String commune, String domain, String target, String from, String to, long amount, Long implementer) {
        return """
                {"description": "Appui aux personnes handicapées", "department": "MONO", "commune": "%s",
                 "domain": "%s", "targetGroup": "%s", "startDate": "%s", "endDate": "%s", "amountXof": %d%s}
                """.formatted(commune, domain, target, from, to, amount,
                implementer == null ? "" : ", \"implementingPartnerId\": " + implementer);
    }

    private long recordOk(Partner funder, String body) throws Exception {
        HttpResponse<String> created = api.post("/api/partners/" + funder.getId() + "/funded-activities", "dpaf.agent", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asLong();
    }

    @Test
    void shouldRecordAndListFundedActivitiesOfAPtf() throws Exception {
        long id = recordOk(ptf, body(commune.toUpperCase(), "Inclusion des personnes handicapées", "DISABLED", "2026-02-01", "2026-06-30", 5_000_000L, osc.getId()));

        HttpResponse<String> list = api.get("/api/partners/" + ptf.getId() + "/funded-activities", "manager");
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode first = json.readTree(list.body()).get(0);
        assertThat(first.get("id").asLong()).isEqualTo(id);
        assertThat(first.get("commune").asText()).as("official spelling").isEqualTo(commune);
        assertThat(first.get("domain").asText()).as("label stored as code").isEqualTo("DISABILITY");
        assertThat(first.get("amountXof").asLong()).isEqualTo(5_000_000L);
        assertThat(first.get("implementingPartnerId").asLong()).isEqualTo(osc.getId());
        assertThat(first.get("createdBy").asText()).isEqualTo("dpaf.agent");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_type = 'FundedActivity' and entity_id = ?",
                Integer.class, String.valueOf(id))).isEqualTo(1);
        // a CPS of another department does not see it
        HttpResponse<String> other = api.get("/api/partners/" + ptf.getId() + "/funded-activities", "cps.zou");
        assertThat(json.readTree(other.body()).size()).isZero();
    }

    @Test
    void shouldRefuseInvalidInputUnknownPartnersAndOtherGroups() throws Exception {
        HttpResponse<String> invalid = api.post("/api/partners/" + ptf.getId() + "/funded-activities", "dpaf.agent",
                body("Cotonou", "VBG", "DISABLED", "2026-06-30", "2026-02-01", -1, 999_999_999L));
        assertThat(invalid.statusCode()).isEqualTo(400);
        JsonNode errors = json.readTree(invalid.body()).get("errors");
        assertThat(errors.findValuesAsText("field")).contains("commune", "domain", "endDate", "amountXof",
                "implementingPartnerId");
        assertThat(json.readTree(invalid.body()).get("message").asText()).isNotBlank();

        assertThat(api.post("/api/partners/999999999/funded-activities", "dpaf.agent",
                body(commune, "DISABILITY", "DISABLED", "2026-02-01", "2026-06-30", 1, null)).statusCode()).isEqualTo(404);
        HttpResponse<String> notPtf = api.post("/api/partners/" + osc.getId() + "/funded-activities", "dpaf.agent",
                body(commune, "DISABILITY", "DISABLED", "2026-02-01", "2026-06-30", 1, null));
        assertThat(notPtf.statusCode()).isEqualTo(400);
        assertThat(notPtf.body()).contains("n'est pas un PTF");
        for (String user : List.of("cps.mono", "manager", "sgm.signataire")) {
            assertThat(api.post("/api/partners/" + ptf.getId() + "/funded-activities", user,
                    body(commune, "DISABILITY", "DISABLED", "2026-02-01", "2026-06-30", 1, null)).statusCode())
                    .as(user).isEqualTo(403);
        }
        assertThat(api.post("/api/partners/" + ptf.getId() + "/funded-activities", "admin",
                body(commune, "DISABILITY", "DISABLED", "2026-02-01", "2026-06-30", 1, null)).statusCode()).isEqualTo(201);
        assertThat(api.get("/api/partners/999999999/funded-activities", "dpaf.agent").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldFlagAPtfFundedActivityAndAnOscActivityOnTheSamePlaceDomainTargetAndPeriod() throws Exception {
        Convention convention = fixture.convention(osc, ConventionStatus.ACTIVE, LocalDate.of(2026, 1, 1), 24);
        long report = fixture.report(convention, "MONO", 2026, 1, "RECEIVED", "ON_TIME");
        long oscActivity = fixture.activity(report, osc.getId(), "MONO", commune, "DISABILITY", "DISABLED",
                LocalDate.of(2026, 1, 15), LocalDate.of(2026, 3, 31), 2_000_000);
        long funded = recordOk(ptf, body(commune, "DISABILITY", "DISABLED", "2026-03-01", "2026-08-31", 5_000_000L, null));
        // the same activity seen from its implementer's side: not a second funder
        long fundedThroughOsc = recordOk(otherPtf, body(commune, "DISABILITY", "DISABLED", "2026-03-10", "2026-04-30",
                1_000_000L, osc.getId()));
        long otherDomain = recordOk(otherPtf, body(commune, "CHILD_PROTECTION", "DISABLED", "2026-03-01", "2026-08-31", 1L, null));
        long later = recordOk(otherPtf, body(commune, "DISABILITY", "DISABLED", "2027-01-01", "2027-03-31", 1L, null));

        overlaps.detect();

        OverlapFlag flag = flags.findByFundedAIdAndActivityBId(funded, oscActivity).orElseThrow();
        assertThat(flag.getPartnerAId()).isEqualTo(ptf.getId());
        assertThat(flag.getPartnerBId()).isEqualTo(osc.getId());
        assertThat(flag.getOverlapStart()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(flag.getOverlapEnd()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(flags.findByFundedAIdAndActivityBId(fundedThroughOsc, oscActivity)).as("implementer's own activity").isEmpty();
        assertThat(flags.findByFundedAIdAndFundedBId(funded, fundedThroughOsc)).as("two funders").isPresent();
        assertThat(flags.findByFundedAIdAndActivityBId(otherDomain, oscActivity)).isEmpty();
        assertThat(flags.findByFundedAIdAndFundedBId(funded, later)).as("periods apart").isEmpty();
        assertThat(overlaps.detect()).as("nothing new on a second run").isZero();

        HttpResponse<String> listed = api.get("/api/overlaps?status=OPEN&size=1000", "dpaf.agent");
        JsonNode mine = null;
        for (JsonNode o : json.readTree(listed.body()).get("content")) {
            if (o.get("id").asLong() == flag.getId()) {
                mine = o;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("activityA").get("source").asText()).isEqualTo("FUNDED");
        assertThat(mine.get("activityA").get("partnerName").asText()).isEqualTo(ptf.getName());
        assertThat(mine.get("activityB").get("source").asText()).isEqualTo("REPORT");
        assertThat(mine.get("activityB").get("id").asLong()).isEqualTo(oscActivity);
    }
}
