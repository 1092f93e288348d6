package bj.gouv.masm.letters;

import static bj.gouv.masm.conventions.LifecycleVariables.*;

import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerKind;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.support.IntegrationTestBase;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Helpers of the letters tests: partners with their own address, driving the lifecycle, reading mails. */
abstract class LettersTestSupport extends IntegrationTestBase {

    static final ZoneId ZONE = bj.gouv.masm.shared.MasmTimeZone.zone();
    /** application-test.yml points spring.mail at this port. */
    static final ServerSetup SMTP = new ServerSetup(3925, "localhost", ServerSetup.PROTOCOL_SMTP);

    @Autowired
    protected PartnerRepository partners;
    @Autowired
    protected RuntimeService runtimeService;
    @Autowired
    protected TaskService taskService;
    @Autowired
    protected HistoryService historyService;
    @Autowired
    protected ManagementService managementService;
    @Autowired
    protected LetterSender sender;
    @Autowired
    protected LetterQueries letterQueries;
    @Autowired
    protected JdbcTemplate jdbc;

    protected static void today(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(ZONE).toInstant()));
    }

    protected static Date startOfDay(LocalDate day) {
        return Date.from(day.atStartOfDay(ZONE).toInstant());
    }

    protected static String uniqueAddress() {
        return "partenaire-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.invalid";
    }

    /** An OSC of Borgou (or a PTF when department is null) with its own e-mail address (null: none). */
    protected Partner partner(PartnerKind kind, String department, String email) {
        Partner partner = new Partner((kind == PartnerKind.OSC ? "OSC Lettres " : "PTF Lettres ") + UUID.randomUUID(), kind,
                kind == PartnerKind.OSC ? "NATIONAL_NGO" : "MULTILATERAL");
        partner.setRegistrationNumber("RN-" + UUID.randomUUID());
        partner.setHeadOfficeDepartment(department);
        if (department != null) {
            partner.setDepartments(Set.of(department));
        }
        partner.setDomains(Set.of("CHILD_PROTECTION"));
        partner.setEmail(email);
        partner.setContactName("Awa Fictive");
        partner.setAddress("Rue des Écoles, Parakou");
        partner.touch("test", OffsetDateTime.now());
        return partners.saveAndFlush(partner);
    }

    protected ProcessInstance start(Partner partner) {
        return runtimeService.startProcessInstanceByKey(PROCESS_KEY, Map.of(PARTNER_ID, partner.getId()));
    }

    protected Task task(ProcessInstance instance, String taskKey) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).list();
        if (tasks.size() != 1) {
            throw new AssertionError("expected one " + taskKey + ", found " + tasks.size());
        }
        return tasks.get(0);
    }

    protected void complete(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
        taskService.complete(task(instance, taskKey).getId(), variables);
    }

    protected void fire(ProcessInstance instance, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
        if (job == null) {
            throw new AssertionError("no job " + activityId);
        }
        ClockUtil.setCurrentTime(new Date(Math.max(job.getDuedate().getTime(), ClockUtil.getCurrentTime().getTime()) + 60_000));
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
        return vars(SIGNED_ON, startOfDay(signedOn), DURATION_MONTHS, months, PARTNER_SIGNATORY, "Mme Awa Fictive, présidente",
                OBLIGATIONS, "Le partenaire s'engage à scolariser 200 enfants",
                MONITORING_ARRANGEMENT, "Visites trimestrielles du CPS et de la DPAF",
                RENEWAL_CONDITIONS, "Renouvelable après une évaluation finale favorable",
                ACCOMPANIMENT, "Appui technique du CPS de Borgou",
                ACCOUNTABILITY, "Rapports trimestriels et indicateurs SIDoFFE");
    }

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

    protected String businessKey(ProcessInstance instance) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getBusinessKey();
    }

    protected List<LetterQueries.LetterRow> lettersOf(Partner partner) {
        return letterQueries.ofPartner(partner.getId());
    }

    protected LetterQueries.LetterRow letterOf(Partner partner, LetterKind kind) {
        List<LetterQueries.LetterRow> found = lettersOf(partner).stream().filter(l -> l.kind().equals(kind.name())).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + " letter, found " + found.size() + " in " + lettersOf(partner));
        }
        return found.get(0);
    }

    /** The mails GreenMail received for one address. */
    protected static List<MimeMessage> to(MimeMessage[] received, String address) throws Exception {
        List<MimeMessage> mine = new ArrayList<>();
        for (MimeMessage m : received) {
            for (var recipient : m.getAllRecipients()) {
                if (recipient.toString().contains(address)) {
                    mine.add(m);
                }
            }
        }
        return mine;
    }

    /** The text of the HTML body (tags removed, entities decoded). */
    protected static String text(Part part) throws Exception {
        if (part.isMimeType("text/html") || part.isMimeType("text/plain")) {
            String html = (String) part.getContent();
            return org.unbescape.html.HtmlEscape.unescapeHtml(html.replaceAll("<[^>]+>", " ")).replaceAll("\\s+", " ");
        }
        if (part.getContent() instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                if (!Part.ATTACHMENT.equalsIgnoreCase(body.getDisposition())) {
                    text.append(text(body));
                }
            }
            return text.toString();
        }
        return "";
    }

    /** Attachments by file name. */
    protected static Map<String, byte[]> attachments(Part part) throws Exception {
        Map<String, byte[]> found = new HashMap<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(body.getDisposition())) {
                    found.put(body.getFileName(), body.getInputStream().readAllBytes());
                } else {
                    found.putAll(attachments(body));
                }
            }
        }
        return found;
    }

    protected static String pdfText(byte[] pdf) throws Exception {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
