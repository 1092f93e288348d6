package bj.gouv.masm.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.conventions.Convention;
import bj.gouv.masm.conventions.ConventionStatus;
import bj.gouv.masm.conventions.ConventionStatusService;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Revocation reaches the lifecycle by message and changes the convention's status exactly once. */
class AccreditationRevocationTests extends ReportingTestSupport {

    private static final String STUB = "ReportingTestLifecycleStub";

    @Autowired
    AccreditationRevocationService revocation;
    @Autowired
    ConventionStatusService statusService;

    /** A stand-in for ConventionLifecycle: waits for AccreditationRevoked, then revokes through ConventionStatusService. */
    private void deployLifecycleStub() {
        if (processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(STUB).count() > 0) {
            return;
        }
        BpmnModelInstance model = Bpmn.createExecutableProcess(STUB).camundaHistoryTimeToLive(1)
                .startEvent()
                .intermediateCatchEvent("Event_Revoked").message(bj.gouv.masm.conventions.LifecycleVariables.MESSAGE_ACCREDITATION_REVOKED)
                .endEvent("EndEvent_ConventionRevoked")
                .camundaExecutionListenerExpression("end",
                        "${conventionStatusService.changeStatus(conventionNumber, 'REVOKED', 'Cycle de vie : agrément retiré')}")
                .done();
        processEngine.getRepositoryService().createDeployment().addModelInstance(STUB + ".bpmn", model).deploy();
    }

    @Test
    void shouldEndTheLifecycleAndRecordTheStatusChangeOnce() {
        deployLifecycleStub();
        Convention convention = convention(osc("ALIBORI"), "ALIBORI", LocalDate.of(2052, 1, 1), 12, ConventionStatus.ACTIVE);
        ProcessInstance lifecycle = runtimeService.startProcessInstanceByKey(STUB, "DOS-" + convention.getNumber(),
                Map.of("conventionNumber", convention.getNumber()));
        convention.setProcessInstanceId(lifecycle.getId());
        conventionRepository.saveAndFlush(convention);

        assertThat(revocation.revoke(convention.getNumber(), "Deux trimestres manqués")).isEqualTo(1);

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(lifecycle.getId()).count()).isZero();
        assertThat(conventionRepository.findById(convention.getId()).orElseThrow().getStatus()).isEqualTo(ConventionStatus.REVOKED);
        assertThat(statusChanges(convention)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select reason from convention_status_change where convention_id = ?", String.class,
                convention.getId())).isEqualTo("Cycle de vie : agrément retiré");
    }

    @Test
    void shouldRevokeByBusinessKeyAndWithoutAnyLifecycleInstance() {
        deployLifecycleStub();
        Convention byKey = convention(osc("ALIBORI"), "ALIBORI", LocalDate.of(2052, 1, 1), 12, ConventionStatus.ACTIVE);
        byKey.setDossierReference("DOS-" + byKey.getNumber());
        conventionRepository.saveAndFlush(byKey);
        ProcessInstance lifecycle = runtimeService.startProcessInstanceByKey(STUB, byKey.getDossierReference(),
                Map.of("conventionNumber", byKey.getNumber()));
        assertThat(revocation.revoke(byKey.getNumber(), "Deux trimestres manqués")).isEqualTo(1);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(lifecycle.getId()).count()).isZero();
        assertThat(statusChanges(byKey)).isEqualTo(1);

        Convention alone = convention(osc("ALIBORI"), "ALIBORI", LocalDate.of(2052, 1, 1), 12, ConventionStatus.ACTIVE);
        alone.setDossierReference("DOS-NONE-" + alone.getNumber());
        conventionRepository.saveAndFlush(alone);
        assertThat(revocation.revoke(alone.getNumber(), "Deux trimestres manqués")).isZero();
        assertThat(conventionRepository.findById(alone.getId()).orElseThrow().getStatus()).isEqualTo(ConventionStatus.REVOKED);
        assertThat(statusChanges(alone)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select to_status from convention_status_change where convention_id = ?", String.class,
                alone.getId())).isEqualTo("REVOKED");

        // idempotent: asking again changes nothing
        assertThat(statusService.changeStatus(alone.getNumber(), ConventionStatus.REVOKED, "encore")).isFalse();
        assertThat(statusChanges(alone)).isEqualTo(1);
    }
}
