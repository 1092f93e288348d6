package bj.gouv.masm.reporting;

import bj.gouv.masm.shared.EngineCalls;
import bj.gouv.masm.conventions.Convention;
import bj.gouv.masm.conventions.ConventionRepository;
import bj.gouv.masm.conventions.ConventionService;
import bj.gouv.masm.conventions.ConventionStatus;
import bj.gouv.masm.conventions.ConventionStatusService;
import bj.gouv.masm.conventions.LifecycleVariables;
import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.AuditTrail;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way to revoke an accreditation (Task_DecideRevocation of the reporting feature, administrators,
 * tests; README, "Convention lifecycle"): the convention's ConventionLifecycle receives the message
 * {@code AccreditationRevoked} (by its process instance id, else by its business key, the dossier
 * reference), then the convention is made REVOKED through ConventionStatusService — a no-op when the
 * lifecycle already did it, and the only change when no lifecycle instance is live.
 */
@Service
@RequiredArgsConstructor
public class AccreditationRevocationService {

    private static final Logger log = LoggerFactory.getLogger(AccreditationRevocationService.class);

    private final ConventionRepository conventions;
    private final ConventionStatusService statusService;
    private final RuntimeService runtimeService;
    private final EngineCalls engineCalls;
    private final AuditTrail auditTrail;

    /** @return how many lifecycle instances received the message (0 when none is waiting) */
    @Transactional
    public int revoke(String conventionNumber, String reason) {
        Convention convention = conventions.findByNumber(conventionNumber)
                .orElseThrow(() -> ApiException.notFound("Convention inconnue : " + conventionNumber));
        int correlated = engineCalls.asSystem(() -> correlate(convention, reason));
        statusService.changeStatus(conventionNumber, ConventionStatus.REVOKED, reason);
        auditTrail.record(ConventionService.ENTITY, conventionNumber, "ACCREDITATION_REVOKED",
                reason + " (cycle de vie notifié : " + correlated + ")");
        return correlated;
    }

    private int correlate(Convention convention, String reason) {
        MessageCorrelationBuilder correlation = runtimeService
                .createMessageCorrelation(LifecycleVariables.MESSAGE_ACCREDITATION_REVOKED)
                .setVariable(LifecycleVariables.REVOCATION_REASON, reason);
        if (convention.getProcessInstanceId() != null) {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(convention.getProcessInstanceId()).count() == 0) {
                return 0;
            }
            correlation.processInstanceId(convention.getProcessInstanceId());
        } else if (convention.getDossierReference() != null) {
            correlation.processInstanceBusinessKey(convention.getDossierReference());
        } else {
            log.info("Convention {} has no lifecycle instance to notify of its revocation", convention.getNumber());
            return 0;
        }
        List<MessageCorrelationResult> results = correlation.correlateAllWithResult();
        return results.size();
    }
}
