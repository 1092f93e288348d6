package bj.gouv.masm.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.conventions.Convention;
import bj.gouv.masm.conventions.ConventionStatus;
import bj.gouv.masm.partners.Partner;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** ReportingCalendar: the quarter-end timer and the opening by hand open exactly the expected reports, once. */
class ReportingCalendarTests extends ReportingTestSupport {

    @Test
    void shouldOpenExactlyTheExpectedReportsWhenTheQuarterEndsAndNeverTwice() {
        Partner borgou = osc("BORGOU");
        Convention running = convention(borgou, "BORGOU", LocalDate.of(2041, 1, 1), 24, ConventionStatus.ACTIVE);
        Convention signedMidQuarter = convention(osc("ZOU"), "ZOU", LocalDate.of(2041, 5, 15), 12, ConventionStatus.ACTIVE);
        Convention signedNextQuarter = convention(osc("ZOU"), "ZOU", LocalDate.of(2041, 7, 1), 12, ConventionStatus.ACTIVE);
        Convention expired = convention(osc("MONO"), "MONO", LocalDate.of(2040, 4, 1), 12, ConventionStatus.EXPIRED);
        Convention expiringInQuarter = convention(osc("MONO"), "MONO", LocalDate.of(2040, 5, 1), 12, ConventionStatus.EXPIRED);
        Convention revoked = convention(osc("COUFFO"), "COUFFO", LocalDate.of(2041, 1, 1), 24, ConventionStatus.REVOKED);
        Convention ptf = convention(ptf(), null, LocalDate.of(2041, 1, 1), 24, ConventionStatus.ACTIVE);
        Quarter q2 = new Quarter(2041, 2);

        setClock(LocalDateTime.of(2041, 6, 30, 23, 0));
        Job timer = managementService.createJobQuery().processDefinitionKey(ReportingVariables.CALENDAR_PROCESS)
                .timers().singleResult();
        assertThat(timer).as("the quarter-end timer of ReportingCalendar").isNotNull();
        managementService.executeJob(timer.getId());

        List<String> mine = List.of(running, signedMidQuarter, signedNextQuarter, expired, expiringInQuarter, revoked, ptf)
                .stream().map(c -> key(c, q2)).toList();
        assertThat(mine.stream().filter(reportRepository::existsByBusinessKey).toList())
                .containsExactlyInAnyOrder(key(running, q2), key(signedMidQuarter, q2), key(expiringInQuarter, q2));
        assertThat(task(key(signedMidQuarter, q2), ReportingVariables.TASK_RECORD_REPORT)).isNotNull();
        assertThat(runtimeService.getVariable(processInstanceId(key(running, q2)), "department")).isEqualTo("BORGOU");
        assertThat(report(key(running, q2)).getIndicatorsExpected()).isEqualTo(77);

        // the timer again (e.g. a retry) and DPAF by hand: nothing opens twice
        Job next = managementService.createJobQuery().processDefinitionKey(ReportingVariables.CALENDAR_PROCESS)
                .timers().singleResult();
        setClock(LocalDateTime.of(2041, 7, 2, 8, 0));
        managementService.executeJob(next.getId());
        ResponseEntity<Map> byHand = post("dpaf.agent", "/api/reporting/quarters/2041-Q2/open", null, MediaType.APPLICATION_JSON);
        assertThat(byHand.getStatusCode().value()).isEqualTo(200);
        assertThat((List<String>) byHand.getBody().get("opened")).doesNotContainAnyElementsOf(mine);
        assertThat((List<String>) byHand.getBody().get("alreadyOpen")).contains(key(running, q2), key(signedMidQuarter, q2));
        assertThat(openingService.openQuarter(q2).opened()).doesNotContainAnyElementsOf(mine);
        for (String key : List.of(key(running, q2), key(signedMidQuarter, q2), key(expiringInQuarter, q2))) {
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isEqualTo(1);
        }

        // next quarter: the one signed for July starts reporting, the one that expired in Q2 stops
        setClock(LocalDateTime.of(2041, 10, 1, 8, 0));
        List<String> q3Opened = openingService.openQuarter(new Quarter(2041, 3)).opened();
        assertThat(q3Opened).contains(key(running, new Quarter(2041, 3)), key(signedNextQuarter, new Quarter(2041, 3)))
                .doesNotContain(key(expiringInQuarter, new Quarter(2041, 3)), key(revoked, new Quarter(2041, 3)));
    }

    @Test
    void shouldOpenAQuarterByHandForDpafAndAdminOnly() {
        Convention convention = activeOscConvention(2039);
        setClock(LocalDateTime.of(2040, 1, 5, 10, 0));
        ResponseEntity<Map> admin = post("admin", "/api/reporting/quarters/2039-Q4/open", null, MediaType.APPLICATION_JSON);
        assertThat(admin.getStatusCode().value()).as(String.valueOf(admin.getBody())).isEqualTo(200);
        assertThat((List<String>) admin.getBody().get("opened")).contains(key(convention, new Quarter(2039, 4)));

        for (String user : List.of("cps.borgou", "manager", "sgm.signataire", "analyst")) {
            ResponseEntity<Map> refused = post(user, "/api/reporting/quarters/2039-Q3/open", null, MediaType.APPLICATION_JSON);
            assertThat(refused.getStatusCode().value()).as(user).isEqualTo(403);
        }
        assertThat(reportRepository.existsByBusinessKey(key(convention, new Quarter(2039, 3)))).isFalse();

        for (String bad : List.of("2039-Q5", "2039Q1", "abcd-Q1", "2999-Q4")) {
            ResponseEntity<Map> refused = post("dpaf.agent", "/api/reporting/quarters/" + bad + "/open", null,
                    MediaType.APPLICATION_JSON);
            assertThat(refused.getStatusCode().value()).as(bad).isEqualTo(400);
            assertThat((String) refused.getBody().get("message")).as(bad)
                    .matches("(Trimestre invalide|Le trimestre 2999-Q4 n'est pas terminé).*");
        }
    }

    @Test
    void shouldCloseTheQuarterEndingOnTheDayTheTimerFires() {
        assertThat(Quarter.lastEndedOn(LocalDate.of(2026, 3, 31))).isEqualTo(new Quarter(2026, 1));
        assertThat(Quarter.lastEndedOn(LocalDate.of(2026, 4, 1))).isEqualTo(new Quarter(2026, 1));
        assertThat(Quarter.lastEndedOn(LocalDate.of(2026, 1, 5))).isEqualTo(new Quarter(2025, 4));
        assertThat(Quarter.lastEndedOn(LocalDate.of(2026, 12, 31))).isEqualTo(new Quarter(2026, 4));
        assertThat(new Quarter(2026, 3).end()).isEqualTo(LocalDate.of(2026, 9, 30));
    }
}
