package bj.gouv.masm.letters;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox under trouble: mail server down then back, two senders at once, a letter the server refuses. */
class OutboxDeliveryTests extends LettersTestSupport {

    @Autowired
    Outbox outbox;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    TestRestTemplate rest;

    private GreenMail greenMail;

    @AfterEach
    void stopMailServer() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    private void startMailServer() {
        greenMail = new GreenMail(SMTP);
        greenMail.start();
    }

    private List<Long> write(Partner partner, int count) {
        List<Long> ids = new ArrayList<>();
        new TransactionTemplate(transactionManager).executeWithoutResult(s -> {
            for (int i = 0; i < count; i++) {
                ids.add(outbox.toPartner(LetterKind.SIGNATURE_DECLINED, partner, "DOS-OUTBOX-" + i, "BORGOU",
                        Map.of("reason", "Motif " + i), List.of(), null).orElseThrow());
            }
        });
        return ids;
    }

    private void later(long seconds) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + seconds * 1000));
    }

    @Test
    void shouldKeepLettersWhileTheServerIsDownAndSendEachExactlyOnceWhenItIsBack() throws Exception {
        String address = uniqueAddress();
        Partner partner = partner(PartnerKind.OSC, "BORGOU", address);
        List<Long> ids = write(partner, 3);

        LetterSender.Round down = sender.sendDue();
        assertThat(down.serverDown()).isTrue();
        for (Long id : ids) {
            LetterQueries.LetterRow row = letterQueries.find(id).orElseThrow();
            assertThat(row.status()).isEqualTo(Outbox.PENDING);
            assertThat(row.attempts()).as("an unreachable server does not count against the letter").isZero();
            assertThat(row.lastError()).contains("injoignable");
        }
        List<Long> writtenWhileDown = write(partner, 2);

        startMailServer();
        sender.sendDue();
        assertThat(to(greenMail.getReceivedMessages(), address))
                .as("letters written during the outage leave at once, the others at their next attempt").hasSize(2);
        later(61);
        sender.sendDue();
        sender.sendDue();
        later(600);
        sender.sendDue();

        assertThat(to(greenMail.getReceivedMessages(), address)).hasSize(5);
        for (Long id : List.of(ids.get(0), ids.get(1), ids.get(2), writtenWhileDown.get(0), writtenWhileDown.get(1))) {
            LetterQueries.LetterRow row = letterQueries.find(id).orElseThrow();
            assertThat(row.status()).isEqualTo(Outbox.SENT);
            assertThat(row.sentAt()).isNotNull();
            assertThat(row.attempts()).isEqualTo(1);
        }
    }

    @Test
    void shouldNeverSendALetterTwiceWhenTwoSendersRunAtOnce() throws Exception {
        startMailServer();
        String address = uniqueAddress();
        Partner partner = partner(PartnerKind.OSC, "BORGOU", address);
        write(partner, 12);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Callable<LetterSender.Round>> rounds = List.of(sender::sendDue, sender::sendDue, sender::sendDue);
            for (Future<LetterSender.Round> f : pool.invokeAll(rounds)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(to(greenMail.getReceivedMessages(), address)).hasSize(12);
        assertThat(lettersOf(partner)).allMatch(l -> l.status().equals(Outbox.SENT));
    }

    @Test
    void shouldMarkALetterRefusedFiveTimesFailedVisibleAndRetriable() throws Exception {
        startMailServer();
        Partner partner = partner(PartnerKind.OSC, "BORGOU", "adresse invalide@@exemple");
        Long id = write(partner, 1).get(0);
        for (int round = 1; round <= 5; round++) {
            sender.sendDue();
            later(3600);
        }
        LetterQueries.LetterRow failed = letterQueries.find(id).orElseThrow();
        assertThat(failed.status()).isEqualTo(Outbox.FAILED);
        assertThat(failed.attempts()).isEqualTo(5);
        assertThat(failed.lastError()).startsWith("Refusée");

        ResponseEntity<JsonNode> list = rest.withBasicAuth("dpaf.agent", "demo")
                .getForEntity(baseUrl() + "/api/partners/" + partner.getId() + "/letters", JsonNode.class);
        assertThat(list.getBody().get(0).get("status").asText()).isEqualTo("FAILED");
        assertThat(list.getBody().get(0).get("lastError").asText()).startsWith("Refusée");
        ResponseEntity<JsonNode> letter = rest.withBasicAuth("dpaf.agent", "demo")
                .getForEntity(baseUrl() + "/api/letters/" + id, JsonNode.class);
        assertThat(letter.getBody().get("bodyHtml").asText()).contains("Motif 0");

        assertThat(rest.withBasicAuth("cps.borgou", "demo").postForEntity(baseUrl() + "/api/letters/" + id + "/retry",
                null, String.class).getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> retried = rest.withBasicAuth("dpaf.agent", "demo")
                .postForEntity(baseUrl() + "/api/letters/" + id + "/retry", null, JsonNode.class);
        assertThat(retried.getStatusCode().value()).isEqualTo(200);
        assertThat(retried.getBody().get("status").asText()).isEqualTo("PENDING");
    }
}
