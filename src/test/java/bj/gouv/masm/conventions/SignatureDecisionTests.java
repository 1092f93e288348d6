package bj.gouv.masm.conventions;

import static bj.gouv.masm.conventions.LifecycleVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import bj.gouv.masm.partners.Partner;
import java.time.LocalDate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Issue 11, item 5: the SGM decides on Task_SignConvention — SIGNED (the default), RETURNED to the DPAF
 * review with a required comment, or DECLINED with a required reason (no convention number, the dossier is
 * closed, SignatureDeclinedEvent published).
 */
@RecordApplicationEvents
class SignatureDecisionTests extends LifecycleTestSupport {

    @Autowired
    ApplicationEvents events;

    @Test
    void shouldSignWhenTheDecisionIsAbsentOrSigned() {
        today(LocalDate.of(2026, 3, 2));
        ProcessInstance implicit = signed(osc("BORGOU"), LocalDate.of(2026, 3, 2), 12);
        ProcessInstance explicit = readyToSign(ptf());
        var variables = signature(LocalDate.of(2026, 3, 2), 12);
        variables.put(SIGNATURE_DECISION, "signed");

        complete(explicit, TASK_SIGN_CONVENTION, variables);

        for (ProcessInstance instance : new ProcessInstance[] {implicit, explicit}) {
            assertThat(instance).hasPassed("ServiceTask_RegisterConvention").hasNotPassed("EndEvent_SignatureDeclined");
            assertThat(conventionNumber(instance)).startsWith("CONV-2026-");
            assertThat(runtimeService.getVariable(instance.getId(), SIGNATURE_DECISION)).isEqualTo("SIGNED");
        }
    }

    @Test
    void shouldReturnTheDossierToTheDpafReviewWithTheSgmsComment() {
        ProcessInstance instance = readyToSign(osc("COLLINES"));

        assertThatThrownBy(() -> complete(instance, TASK_SIGN_CONVENTION, vars(SIGNATURE_DECISION, "RETURNED")))
                .isInstanceOf(LifecycleInputException.class).hasMessageContaining("Renvoi à la DPAF");
        complete(instance, TASK_SIGN_CONVENTION, vars(SIGNATURE_DECISION, "RETURNED",
                SIGNATURE_COMMENT, "Préciser le budget de l'axe 3"));

        assertThat(instance).isWaitingAt(TASK_REVIEW_DOSSIER).hasNotPassed("ServiceTask_RegisterConvention");
        assertThat(runtimeService.getVariable(instance.getId(), CONVENTION_NUMBER)).isNull();
        Dossier dossier = dossierOf(instance);
        assertThat(dossier.getStatus()).isEqualTo(DossierStatus.UNDER_REVIEW);
        assertThat(dossier.getSignatureComment()).isEqualTo("Préciser le budget de l'axe 3");
        assertThat(dossierService.historyOf(dossier.getReference())).last()
                .satisfies(h -> assertThat(h.getReason()).contains("Préciser le budget"));
        assertThat(taskService.getVariablesLocal(task(instance, TASK_REVIEW_DOSSIER).getId()).get("previousOpinions"))
                .asString().contains("Renvoi par le SGM : Préciser le budget de l'axe 3");

        // the DPAF confirms, the SGM signs this time
        complete(instance, TASK_REVIEW_DOSSIER, vars(REVIEW_OPINION, "FAVOURABLE", REVIEW_COMMENT, "Budget précisé"));
        assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKeys(SIGNATURE_DECISION, SIGNATURE_COMMENT);
        today(LocalDate.of(2026, 5, 4));
        complete(instance, TASK_SIGN_CONVENTION, signature(LocalDate.of(2026, 5, 4), 24));
        assertThat(conventionNumber(instance)).startsWith("CONV-2026-");
    }

    @Test
    void shouldCloseTheDossierWithoutConventionWhenTheSgmDeclines() {
        Partner partner = osc("MONO");
        ProcessInstance instance = readyToSign(partner);
        long conventionsBefore = conventionRepository.count();

        assertThatThrownBy(() -> complete(instance, TASK_SIGN_CONVENTION, vars(SIGNATURE_DECISION, "DECLINED",
                SIGNATURE_COMMENT, "  ")))
                .isInstanceOf(LifecycleInputException.class).hasMessageContaining("motif est obligatoire");
        assertThatThrownBy(() -> complete(instance, TASK_SIGN_CONVENTION, vars(SIGNATURE_DECISION, "PEUT-ETRE")))
                .isInstanceOf(LifecycleInputException.class).hasMessageContaining("Choisissez la décision");
        assertThat(instance).isWaitingAt(TASK_SIGN_CONVENTION);

        complete(instance, TASK_SIGN_CONVENTION, vars(SIGNATURE_DECISION, "DECLINED",
                SIGNATURE_COMMENT, "Objet hors des priorités du Ministère"));

        assertThat(instance).isEnded().hasPassed("EndEvent_SignatureDeclined").hasNotPassed("ServiceTask_RegisterConvention");
        assertThat(conventionRepository.count()).isEqualTo(conventionsBefore);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(CONVENTION_NUMBER).count()).isZero();
        Dossier dossier = dossierOf(instance);
        assertThat(dossier.getStatus()).isEqualTo(DossierStatus.DECLINED);
        assertThat(dossier.getClosingReason()).isEqualTo("Objet hors des priorités du Ministère");
        assertThat(events.stream(SignatureDeclinedEvent.class)).containsExactly(new SignatureDeclinedEvent(
                partner.getId(), dossier.getReference(), "Objet hors des priorités du Ministère"));
    }
}
