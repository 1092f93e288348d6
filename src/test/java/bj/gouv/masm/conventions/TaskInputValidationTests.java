package bj.gouv.masm.conventions;

import static bj.gouv.masm.conventions.LifecycleVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every decision is checked again on the server: a bad answer is refused in French, the task stays, nothing changes. */
class TaskInputValidationTests extends LifecycleTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldRefuseAnIncompleteCheckWithoutTheMissingDocumentsAndChangeNothing() {
        ProcessInstance instance = start(osc("BORGOU"));
        Task task = task(instance, TASK_CHECK_DOSSIER);

        refused(instance, TASK_CHECK_DOSSIER, vars(), "Le dossier est-il complet ?");
        refused(instance, TASK_CHECK_DOSSIER, vars(DOSSIER_COMPLETE, "peut-être"), "Répondez par oui ou non");
        refused(instance, TASK_CHECK_DOSSIER, vars(DOSSIER_COMPLETE, false, MISSING_DOCUMENTS, "  "), "pièces manquantes");
        refused(instance, TASK_CHECK_DOSSIER, vars(DOSSIER_COMPLETE, true, RECEIVED_DOCUMENTS, List.of("PASSEPORT")),
                "Pièce inconnue");

        assertThat(instance).isWaitingAt(TASK_CHECK_DOSSIER);
        assertThat(task(instance, TASK_CHECK_DOSSIER).getId()).isEqualTo(task.getId());
        assertThat(dossierOf(instance).getStatus()).isEqualTo(DossierStatus.FILED);
        assertThat(dossierService.historyOf(instance.getBusinessKey())).hasSize(1);
        assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKeys(DOSSIER_COMPLETE, MISSING_DOCUMENTS);
    }

    @Test
    void shouldRefuseAnUnknownOrUnmotivatedReviewOpinion() {
        ProcessInstance instance = start(ptf());

        refused(instance, TASK_REVIEW_DOSSIER, vars(REVIEW_OPINION, "PEUT_ETRE"), "Choisissez « Avis »");
        refused(instance, TASK_REVIEW_DOSSIER, vars(REVIEW_OPINION, "UNFAVOURABLE"), "doit être motivé");
        refused(instance, TASK_REVIEW_DOSSIER, vars(REVIEW_OPINION, "INCOMPLETE"), "pièces manquantes");

        assertThat(instance).isWaitingAt(TASK_REVIEW_DOSSIER);
        assertThat(dossierOf(instance).getReviewOpinion()).isNull();
        assertThat(dossierOf(instance).getStatus()).isEqualTo(DossierStatus.FILED);
    }

    @Test
    void shouldRefuseAnInvalidSignatureWithoutDrawingANumber() {
        today(LocalDate.of(2026, 6, 10));
        ProcessInstance instance = readyToSign(ptf());
        long conventionsBefore = conventionRepository.count();
        Integer counterBefore = counter(2026);

        refused(instance, TASK_SIGN_CONVENTION, with(signature(LocalDate.of(2026, 6, 10), 12), DURATION_MONTHS, 5),
                "entre 6 et 60");
        refused(instance, TASK_SIGN_CONVENTION, with(signature(LocalDate.of(2026, 6, 10), 12), DURATION_MONTHS, 61),
                "entre 6 et 60");
        refused(instance, TASK_SIGN_CONVENTION, with(signature(LocalDate.of(2026, 6, 10), 12), DURATION_MONTHS, "douze"),
                "entre 6 et 60");
        refused(instance, TASK_SIGN_CONVENTION, signature(LocalDate.of(2026, 6, 11), 12), "dans le futur");
        refused(instance, TASK_SIGN_CONVENTION, with(signature(LocalDate.of(2026, 6, 10), 12), SIGNED_ON, "10 juin"),
                "doit être une date");
        refused(instance, TASK_SIGN_CONVENTION, with(signature(LocalDate.of(2026, 6, 10), 12), PARTNER_SIGNATORY, ""),
                "Signataire pour le partenaire");
        refused(instance, TASK_SIGN_CONVENTION, with(signature(LocalDate.of(2026, 6, 10), 12), OBLIGATIONS, null),
                "Obligations des parties");

        assertThat(instance).isWaitingAt(TASK_SIGN_CONVENTION);
        assertThat(conventionRepository.count()).isEqualTo(conventionsBefore);
        assertThat(counter(2026)).isEqualTo(counterBefore);
        assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKeys(CONVENTION_NUMBER, DURATION_MONTHS);

        // a date typed in Tasklist arrives as a string: accepted
        complete(instance, TASK_SIGN_CONVENTION, with(signature(LocalDate.of(2026, 6, 10), 12), SIGNED_ON, "2026-06-10",
                DURATION_MONTHS, "12"));
        assertThat(conventionService.get(conventionNumber(instance)).getEndDate()).isEqualTo(LocalDate.of(2027, 6, 10));
    }

    @Test
    void shouldRefuseInvalidEvaluations() {
        today(LocalDate.of(2026, 1, 5));
        ProcessInstance instance = signed(osc("ZOU"), LocalDate.of(2026, 1, 5), 12);
        fire(instance, "TimerEvent_MidTermDue");

        refused(instance, TASK_EVALUATE_MID_TERM, vars(MID_TERM_RATING, "EXCELLENT"), "Appréciation à mi-parcours");
        refused(instance, TASK_EVALUATE_MID_TERM, vars(MID_TERM_RATING, "OFF_TRACK"), "Recommandations");
        assertThat(conventionService.evaluationsOf(conventionNumber(instance))).isEmpty();
        complete(instance, TASK_EVALUATE_MID_TERM, vars(MID_TERM_RATING, "OFF_TRACK", MID_TERM_RECOMMENDATIONS, "Recadrer"));
        fire(instance, "TimerEvent_FinalEvaluationDue");

        refused(instance, TASK_EVALUATE_FINAL, vars(FINAL_RATING, "ACHIEVED"), "renouvellement");
        refused(instance, TASK_EVALUATE_FINAL, vars(FINAL_RATING, "BIEN", RENEWAL_REQUESTED, true), "Résultats");
        assertThat(instance).isWaitingAt(TASK_EVALUATE_FINAL);
        assertThat(conventionService.evaluationsOf(conventionNumber(instance))).hasSize(1);
    }

    private void refused(ProcessInstance instance, String taskKey, Map<String, Object> variables, String message) {
        assertThatThrownBy(() -> complete(instance, taskKey, variables))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining(message);
    }

    private Integer counter(int year) {
        List<Integer> values = jdbc.queryForList(
                "select last_value from number_sequence_value where name = 'CONVENTION' and counter_year = ?", Integer.class, year);
        return values.isEmpty() ? null : values.get(0);
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... pairs) {
        Map<String, Object> copy = new java.util.HashMap<>(base);
        copy.putAll(vars(pairs));
        return copy;
    }
}
