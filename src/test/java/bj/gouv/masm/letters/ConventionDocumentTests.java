package bj.gouv.masm.letters;

import static bj.gouv.masm.conventions.LifecycleVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerKind;
import java.time.LocalDate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** The convention PDF: produced at signature, stored with its SHA-256, never regenerated, served scoped; the draft. */
class ConventionDocumentTests extends LettersTestSupport {

    @Autowired
    ConventionDocuments documents;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    bj.gouv.masm.conventions.ConventionRepository conventions;

    @Test
    void shouldStoreTheSignedConventionOnceWithItsHashAndServeItToWhoSeesTheConvention() throws Exception {
        Partner osc = partner(PartnerKind.OSC, "BORGOU", uniqueAddress());
        today(LocalDate.of(2026, 4, 15));
        ProcessInstance instance = signed(osc, LocalDate.of(2026, 4, 14), 36);
        String number = conventionNumber(instance);

        ConventionDocuments.Document stored = documents.find(number).orElseThrow();
        String endDate = Outbox.frenchDate(conventions.findByNumber(number).orElseThrow().getEndDate());
        assertThat(stored.sha256()).isEqualTo(ConventionDocuments.sha256(stored.content())).hasSize(64);
        String text = pdfText(stored.content());
        assertThat(text).contains("Convention de partenariat").contains("N° " + number).contains(osc.getName())
                .contains("14 avril 2026").contains(endDate).contains("36 mois")
                // the seven elements as typed at signature
                .contains("Protection de l'enfant").contains("scolariser 200 enfants").contains("Visites trimestrielles du CPS")
                .contains("Renouvelable après une évaluation finale favorable").contains("Appui technique du CPS de Borgou")
                .contains("Rapports trimestriels et indicateurs SIDoFFE")
                // the applicable law is the setting, not the specimen's "droit français"
                .contains("droit béninois").doesNotContain("droit français")
                .contains("Secrétaire Général du Ministère");

        // produced once: asking again gives the stored bytes
        assertThat(documents.produce(number).content()).isEqualTo(stored.content());
        Integer rows = jdbc.queryForObject("select count(*) from convention_document where convention_number = ?",
                Integer.class, number);
        assertThat(rows).isEqualTo(1);

        ResponseEntity<byte[]> served = rest.withBasicAuth("cps.borgou", "demo")
                .getForEntity(baseUrl() + "/api/conventions/" + number + "/document.pdf", byte[].class);
        assertThat(served.getStatusCode().value()).isEqualTo(200);
        assertThat(served.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        assertThat(served.getBody()).isEqualTo(stored.content());
        assertThat(served.getHeaders().getFirst("X-Content-SHA256")).isEqualTo(stored.sha256());
        assertThat(rest.withBasicAuth("cps.zou", "demo").getForEntity(baseUrl() + "/api/conventions/" + number
                + "/document.pdf", String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(rest.withBasicAuth("dpaf.agent", "demo").getForEntity(baseUrl()
                + "/api/conventions/CONV-1999-9999/document.pdf", String.class).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void shouldGiveTheSgmADraftWithWhatTheSignatureFormHoldsSoFar() throws Exception {
        Partner ptf = partner(PartnerKind.PTF, null, uniqueAddress());
        ProcessInstance instance = readyToSign(ptf);
        String reference = businessKey(instance);
        // the SGM saved the form in Tasklist without completing it
        taskService.setVariables(task(instance, TASK_SIGN_CONVENTION).getId(),
                vars(OBLIGATIONS, "Financer la formation de 40 agents", DURATION_MONTHS, 18));

        ResponseEntity<byte[]> draft = rest.withBasicAuth("sgm.signataire", "demo")
                .getForEntity(baseUrl() + "/api/dossiers/" + reference + "/draft-convention.pdf", byte[].class);
        assertThat(draft.getStatusCode().value()).isEqualTo(200);
        String text = pdfText(draft.getBody());
        assertThat(text).contains("PROJET").contains(ptf.getName()).contains("Financer la formation de 40 agents")
                .contains("18 mois").contains("À compléter à la signature").contains(reference);
        assertThat(documents.find(reference)).isEmpty();

        assertThat(rest.withBasicAuth("cps.borgou", "demo").getForEntity(baseUrl() + "/api/dossiers/" + reference
                + "/draft-convention.pdf", String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(rest.withBasicAuth("sgm.signataire", "demo").getForEntity(baseUrl()
                + "/api/dossiers/DOS-1999-9999/draft-convention.pdf", String.class).getStatusCode().value()).isEqualTo(404);
    }
}
