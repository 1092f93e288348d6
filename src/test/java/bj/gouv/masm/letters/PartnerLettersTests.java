package bj.gouv.masm.letters;

import static bj.gouv.masm.conventions.LifecycleVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.conventions.Convention;
import bj.gouv.masm.conventions.ConventionRepository;
import bj.gouv.masm.conventions.ConventionService;
import bj.gouv.masm.conventions.ConventionStatus;
import bj.gouv.masm.conventions.ConventionTermsChangedEvent;
import bj.gouv.masm.conventions.SignatureDeclinedEvent;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerKind;
import bj.gouv.masm.reporting.QuarterOpeningService;
import bj.gouv.masm.reporting.QuarterlyReport;
import bj.gouv.masm.reporting.QuarterlyReportRepository;
import bj.gouv.masm.reporting.Quarter;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each letter of the procedure reaches the partner's address (GreenMail, a real SMTP server in the JVM)
 * with its content: the case reference and what the partner must know.
 */
class PartnerLettersTests extends LettersTestSupport {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(SMTP).withPerMethodLifecycle(true);

    @Autowired
    ConventionService conventionService;
    @Autowired
    bj.gouv.masm.reporting.AccreditationRevocationService revocations;
    @Autowired
    ConventionRepository conventions;
    @Autowired
    QuarterOpeningService openingService;
    @Autowired
    QuarterlyReportRepository reports;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    TestRestTemplate rest;

    private List<MimeMessage> sendAndReceive(String address, int expected) throws Exception {
        sender.sendDue();
        greenMail.waitForIncomingEmail(5000, expected);
        return to(greenMail.getReceivedMessages(), address);
    }

    private MimeMessage only(List<MimeMessage> mails, String subjectPart) throws Exception {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage m : mails) {
            if (m.getSubject().contains(subjectPart)) {
                found.add(m);
            }
        }
        assertThat(found).as("mails whose subject contains " + subjectPart).hasSize(1);
        return found.get(0);
    }

    @Test
    void shouldAcknowledgeTheDossierThenAskForTheMissingDocumentsWithTheDeadline() throws Exception {
        today(LocalDate.of(2026, 3, 2));
        String address = uniqueAddress();
        Partner osc = partner(PartnerKind.OSC, "BORGOU", address);
        ProcessInstance instance = start(osc);
        String reference = businessKey(instance);
        complete(instance, TASK_CHECK_DOSSIER, vars(DOSSIER_COMPLETE, false, MISSING_DOCUMENTS,
                "Statuts certifiés conformes", RECEIVED_DOCUMENTS, List.of()));

        List<MimeMessage> mails = sendAndReceive(address, 2);
        assertThat(mails).hasSize(2);
        MimeMessage receipt = only(mails, "Accusé de réception");
        assertThat(receipt.getSubject()).contains(reference);
        assertThat(text(receipt)).contains(reference).contains("Centre de Promotion Sociale (CPS) Borgou")
                .contains("pièces suivantes");
        MimeMessage missing = only(mails, "Pièces manquantes");
        assertThat(missing.getSubject()).contains(reference);
        Task waiting = task(instance, TASK_RECEIVE_MISSING_DOCUMENTS);
        String deadline = Outbox.frenchDate(waiting.getDueDate().toInstant().atZone(ZONE).toLocalDate());
        assertThat(text(missing)).contains("Statuts certifiés conformes").contains(deadline).contains(reference);
        assertThat(letterOf(osc, LetterKind.DOSSIER_RECEIVED).status()).isEqualTo(Outbox.SENT);
        assertThat(letterOf(osc, LetterKind.DOCUMENTS_MISSING).status()).isEqualTo(Outbox.SENT);
    }

    @Test
    void shouldGiveThePartnerTheReasonOfAnUnfavourableOpinion() throws Exception {
        String address = uniqueAddress();
        Partner ptf = partner(PartnerKind.PTF, null, address);
        ProcessInstance instance = start(ptf);
        complete(instance, TASK_REVIEW_DOSSIER, vars(REVIEW_OPINION, "UNFAVOURABLE", REVIEW_COMMENT,
                "Activités hors du secteur des affaires sociales"));

        MimeMessage rejected = only(sendAndReceive(address, 2), "Avis défavorable");
        assertThat(text(rejected)).contains("Activités hors du secteur des affaires sociales").contains(businessKey(instance));
    }

    @Test
    void shouldSendTheSignedConventionWithItsPdfAndAnnounceTheEvaluations() throws Exception {
        String address = uniqueAddress();
        Partner osc = partner(PartnerKind.OSC, "BORGOU", address);
        today(LocalDate.of(2026, 3, 2));
        ProcessInstance instance = signed(osc, LocalDate.of(2026, 3, 2), 24);
        String number = conventionNumber(instance);

        MimeMessage signed = only(sendAndReceive(address, 2), "signée");
        assertThat(signed.getSubject()).contains(number);
        assertThat(text(signed)).contains(number).contains("2 mars 2026").contains("2 mars 2028");
        Map<String, byte[]> attached = attachments(signed);
        assertThat(attached).containsKey("convention-" + number + ".pdf");
        String pdf = pdfText(attached.get("convention-" + number + ".pdf"));
        assertThat(pdf).contains(number).contains("scolariser 200 enfants").contains("Visites trimestrielles du CPS")
                .contains("Renouvelable après une évaluation finale favorable").contains("Appui technique du CPS de Borgou")
                .contains("Rapports trimestriels et indicateurs SIDoFFE").contains("24 mois")
                .contains("Protection de l'enfant").contains("Mme Awa Fictive, présidente");

        fire(instance, "TimerEvent_MidTermDue");
        MimeMessage midTerm = only(sendAndReceive(address, 3), "mi-parcours");
        assertThat(text(midTerm)).contains(number);
        assertThat(letterOf(osc, LetterKind.MID_TERM_EVALUATION).caseReference()).isEqualTo(number);

        revocations.revoke(number, "Aucun rapport depuis deux trimestres");
        MimeMessage revoked = only(sendAndReceive(address, 4), "Retrait");
        assertThat(text(revoked)).contains(number).contains("Aucun rapport depuis deux trimestres");
        assertThat(conventions.findByNumber(number).orElseThrow().getStatus()).isEqualTo(ConventionStatus.REVOKED);
    }

    @Test
    void shouldWriteTheLettersOfTermChangesAndOfADeclinedSignature() throws Exception {
        String address = uniqueAddress();
        Partner osc = partner(PartnerKind.OSC, "BORGOU", address);
        today(LocalDate.of(2026, 3, 2));
        ProcessInstance instance = signed(osc, LocalDate.of(2026, 3, 2), 12);
        Convention convention = conventions.findByNumber(conventionNumber(instance)).orElseThrow();
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        tx.executeWithoutResult(s -> {
            events.publishEvent(new ConventionTermsChangedEvent(convention.getId(), convention.getNumber(), osc.getId(),
                    ConventionTermsChangedEvent.Change.EXTENDED, LocalDate.of(2027, 9, 30), "Retard des décaissements"));
            events.publishEvent(new ConventionTermsChangedEvent(convention.getId(), convention.getNumber(), osc.getId(),
                    ConventionTermsChangedEvent.Change.SUSPENDED, null, "Audit en cours"));
            events.publishEvent(new ConventionTermsChangedEvent(convention.getId(), convention.getNumber(), osc.getId(),
                    ConventionTermsChangedEvent.Change.SUSPENSION_LIFTED, null, "Audit clos"));
            events.publishEvent(new ConventionTermsChangedEvent(convention.getId(), convention.getNumber(), osc.getId(),
                    ConventionTermsChangedEvent.Change.TERMINATED, null, "Fin d'un commun accord"));
            events.publishEvent(new SignatureDeclinedEvent(osc.getId(), "DOS-TEST-DECLINED", "Objet trop imprécis"));
        });
        // an event whose transaction rolls back writes nothing
        try {
            tx.executeWithoutResult(s -> {
                events.publishEvent(new SignatureDeclinedEvent(osc.getId(), "DOS-TEST-ROLLED-BACK", "jamais"));
                throw new IllegalStateException("rollback");
            });
        } catch (IllegalStateException expected) {
            // the decision failed: no letter
        }

        List<MimeMessage> mails = sendAndReceive(address, 7);
        assertThat(text(only(mails, "Prorogation"))).contains("30 septembre 2027").contains("Retard des décaissements")
                .contains(convention.getNumber());
        assertThat(text(only(mails, "Suspension de la convention"))).contains("Audit en cours");
        assertThat(text(only(mails, "Levée de la suspension"))).contains("Audit clos");
        assertThat(text(only(mails, "Résiliation"))).contains("Fin d'un commun accord");
        assertThat(text(only(mails, "Refus de signature"))).contains("Objet trop imprécis").contains("DOS-TEST-DECLINED");
        assertThat(lettersOf(osc)).noneMatch(l -> "DOS-TEST-ROLLED-BACK".equals(l.caseReference()));
    }

    @Test
    void shouldRemindTheReportDueDateThenWarnAfterAMissedQuarter() throws Exception {
        String address = uniqueAddress();
        Partner osc = partner(PartnerKind.OSC, "BORGOU", address);
        Quarter quarter = new Quarter(2061, 1);
        String number = nextConventionNumber(2061);
        Convention convention = new Convention(number, osc.getId(), "BORGOU", LocalDate.of(2061, 1, 1), 12,
                LocalDate.of(2061, 1, 1), LocalDate.of(2061, 12, 31), LocalDate.of(2061, 7, 1), LocalDate.of(2061, 9, 30));
        convention.touch("test", java.time.OffsetDateTime.now());
        conventions.saveAndFlush(convention);
        ClockUtil.setCurrentTime(Date.from(quarter.end().plusDays(1).atTime(8, 0).atZone(ZONE).toInstant()));
        openingService.openQuarter(quarter);
        String key = QuarterlyReport.businessKey(number, quarter);

        Reminders reminders = reminders();
        assertThat(reminders.remindReportsDue()).as("not yet within 7 days of the due date").isZero();
        Task record = taskService.createTaskQuery().processInstanceBusinessKey(key).singleResult();
        ClockUtil.setCurrentTime(new Date(record.getDueDate().getTime() - 3L * 24 * 3600 * 1000));
        assertThat(reminders.remindReportsDue()).isGreaterThanOrEqualTo(1);
        reminders.remindReportsDue();
        MimeMessage due = only(sendAndReceive(address, 1), "Rappel");
        assertThat(text(due)).contains("2061-Q1").contains(number)
                .contains(Outbox.frenchDate(record.getDueDate().toInstant().atZone(ZONE).toLocalDate()));

        String pid = reports.findByBusinessKey(key).orElseThrow().getProcessInstanceId();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pid).timers().singleResult().getId());
        MimeMessage warning = only(sendAndReceive(address, 2), "Avertissement");
        assertThat(text(warning)).contains("2061-Q1").contains(number).contains("nous n'avons pas reçu");
        assertThat(lettersOf(osc).stream().filter(l -> l.kind().equals("REPORT_DUE")).count()).isEqualTo(1);
    }

    @Test
    void shouldKeepALetterToPrintWhenThePartnerHasNoAddressAndServeItScoped() throws Exception {
        Partner osc = partner(PartnerKind.OSC, "BORGOU", null);
        ProcessInstance instance = start(osc);
        String reference = businessKey(instance);
        sender.sendDue();

        LetterQueries.LetterRow letter = letterOf(osc, LetterKind.DOSSIER_RECEIVED);
        assertThat(letter.status()).isEqualTo(Outbox.TO_PRINT);
        assertThat(letter.recipient()).isNull();

        ResponseEntity<JsonNode> list = rest.withBasicAuth("cps.borgou", "demo")
                .getForEntity(baseUrl() + "/api/partners/" + osc.getId() + "/letters", JsonNode.class);
        assertThat(list.getStatusCode().value()).isEqualTo(200);
        assertThat(list.getBody()).hasSize(1);
        assertThat(list.getBody().get(0).get("status").asText()).isEqualTo("TO_PRINT");
        assertThat(list.getBody().get(0).get("subject").asText()).contains(reference);
        String pdfLink = list.getBody().get(0).get("pdf").asText();

        ResponseEntity<byte[]> pdf = rest.withBasicAuth("cps.borgou", "demo").getForEntity(baseUrl() + pdfLink, byte[].class);
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        assertThat(pdfText(pdf.getBody())).contains(reference).contains("Accusé de réception");

        // the dashboard's partner page lists it with its printable PDF
        // (the dashboard takes the webapps' session login, never HTTP basic)
        org.springframework.http.HttpHeaders session = new org.springframework.http.HttpHeaders();
        session.add("Cookie", bj.gouv.masm.support.WebappLogin.logIn(baseUrl(), "cps.borgou", "demo").cookies());
        ResponseEntity<String> page = rest.exchange(baseUrl() + "/dashboard/partners/" + osc.getId(),
                org.springframework.http.HttpMethod.GET, new org.springframework.http.HttpEntity<>(session), String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("Accusé de réception").contains("TO_PRINT")
                .contains("/dashboard/letters/" + letter.id() + "/document.pdf");

        // another department's CPS does not see the case's letters; an unknown partner is 404
        ResponseEntity<JsonNode> other = rest.withBasicAuth("cps.zou", "demo")
                .getForEntity(baseUrl() + "/api/partners/" + osc.getId() + "/letters", JsonNode.class);
        assertThat(other.getBody()).isEmpty();
        assertThat(rest.withBasicAuth("cps.zou", "demo").getForEntity(baseUrl() + pdfLink, String.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(rest.withBasicAuth("dpaf.agent", "demo").getForEntity(baseUrl() + "/api/partners/999999999/letters",
                String.class).getStatusCode().value()).isEqualTo(404);
    }

    @Autowired
    Reminders remindersBean;

    private Reminders reminders() {
        return remindersBean;
    }
}
