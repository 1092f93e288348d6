package bj.gouv.masm.conventions;

import static bj.gouv.masm.conventions.LifecycleVariables.*;

import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerKind;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.support.IntegrationTestBase;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/** Shared helpers of the lifecycle tests: own partners (unique names), driving tasks and timers. */
abstract class LifecycleTestSupport extends IntegrationTestBase {

    static final ZoneId ZONE = bj.gouv.masm.shared.MasmTimeZone.zone();

    @Autowired
    protected PartnerRepository partners;
    @Autowired
    protected RuntimeService runtimeService;
    @Autowired
    protected TaskService taskService;
    @Autowired
    protected org.camunda.bpm.engine.HistoryService historyService;
    @Autowired
    protected ManagementService managementService;
    @Autowired
    protected DossierService dossierService;
    @Autowired
    protected DossierRepository dossierRepository;
    @Autowired
    protected ConventionService conventionService;
    @Autowired
    protected ConventionRepository conventionRepository;

    /** Fixes "now" (engine and our Clock) at 09:00 on the given day. */
    protected static void today(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(ZONE).toInstant()));
    }

    protected static Date startOfDay(LocalDate day) {
        return Date.from(day.atStartOfDay(ZONE).toInstant());
    }

    protected Partner osc(String department) {
        return partner(PartnerKind.OSC, "OSC Test " + UUID.randomUUID(), department);
    }

    protected Partner ptf() {
        return partner(PartnerKind.PTF, "PTF Test " + UUID.randomUUID(), null);
    }

    protected Partner partner(PartnerKind kind, String name, String department) {
        Partner partner = new Partner(name, kind, kind == PartnerKind.OSC ? "NATIONAL_NGO" : "MULTILATERAL");
        partner.setRegistrationNumber("RN-" + UUID.randomUUID());
        partner.setHeadOfficeDepartment(department);
        if (department != null) {
            partner.setDepartments(java.util.Set.of(department));
        }
        partner.setDomains(java.util.Set.of("CHILD_PROTECTION"));
        partner.touch("test", OffsetDateTime.now());
        return partners.saveAndFlush(partner);
    }

    protected ProcessInstance start(Partner partner) {
        return runtimeService.startProcessInstanceByKey(PROCESS_KEY, Map.of(PARTNER_ID, partner.getId()));
    }

    protected Task task(ProcessInstance instance, String taskKey) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(taskKey).list();
        if (tasks.size() != 1) {
            throw new AssertionError("expected one " + taskKey + " in " + instance.getId() + ", found " + tasks.size());
        }
        return tasks.get(0);
    }

    protected void complete(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
        taskService.complete(task(instance, taskKey).getId(), variables);
    }

    protected Job timer(ProcessInstance instance, String activityId) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .singleResult();
    }

    protected void fire(ProcessInstance instance, String activityId) {
        Job job = timer(instance, activityId);
        if (job == null) {
            throw new AssertionError("no job " + activityId + " in " + instance.getId());
        }
        ClockUtil.setCurrentTime(new Date(Math.max(job.getDuedate().getTime(), ClockUtil.getCurrentTime().getTime())
                + 60_000));
        managementService.executeJob(job.getId());
    }

    protected static Map<String, Object> vars(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    protected static Map<String, Object> signature(LocalDate signedOn, int months) {
        return vars(SIGNED_ON, startOfDay(signedOn), DURATION_MONTHS, months, PARTNER_SIGNATORY, "Mme A. Dossou, directrice",
                OBLIGATIONS, "Obligations réciproques", MONITORING_ARRANGEMENT, "Suivi par la DPAF",
                RENEWAL_CONDITIONS, "Sur demande", ACCOMPANIMENT, "Appui du CPS", ACCOUNTABILITY, "Rapports trimestriels");
    }

    /** OSC of Borgou (or a PTF) filed, checked, reviewed favourably: waiting at Task_SignConvention. */
    protected ProcessInstance readyToSign(Partner partner) {
        ProcessInstance instance = start(partner);
        if (partner.getKind() == PartnerKind.OSC) {
            complete(instance, TASK_CHECK_DOSSIER, vars(DOSSIER_COMPLETE, true, RECEIVED_DOCUMENTS, List.of("STATUTES")));
        }
        complete(instance, TASK_REVIEW_DOSSIER, vars(REVIEW_OPINION, "FAVOURABLE", REVIEW_COMMENT, "Dossier solide"));
        return instance;
    }

    protected ProcessInstance signed(Partner partner, LocalDate signedOn, int months) {
        ProcessInstance instance = readyToSign(partner);
        complete(instance, TASK_SIGN_CONVENTION, signature(signedOn, months));
        return instance;
    }

    protected String conventionNumber(ProcessInstance instance) {
        return (String) runtimeService.getVariable(instance.getId(), CONVENTION_NUMBER);
    }

    protected Dossier dossierOf(ProcessInstance instance) {
        return dossierService.get(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult().getBusinessKey());
    }
}
