package bj.gouv.masm.letters;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retrying sender: every {@code masm.letters.sender.interval} (30 s) it claims the PENDING letters that
 * are due ({@code SELECT ... FOR UPDATE SKIP LOCKED}, then a claim timestamp, in a short transaction: two
 * senders never hold the same letter), sends each by SMTP and records the outcome.
 * <ul>
 * <li>sent: SENT with its date, never sent again;</li>
 * <li>mail server unreachable (connection refused, timeout, unknown host, login refused): the round stops,
 * nothing counts against the letters, they are tried again after {@code max-backoff} (1 min), so they leave
 * within a minute or two of the server's return however long it was down;</li>
 * <li>refused by the server (bad address...): tried again after 30 s, 1 min...; after {@code max-failures} (5)
 * refusals the letter is FAILED, with the server's answer in {@code last_error}.</li>
 * </ul>
 * A sender that dies between the server's acceptance and the SENT update leaves a claim that expires after
 * {@code claim-timeout}: that letter alone may then leave twice (at-least-once in a crash, exactly-once
 * otherwise).
 */
@Component
public class LetterSender {

    private static final Logger log = LoggerFactory.getLogger(LetterSender.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final LetterSettings settings;
    private final Clock clock;
    private volatile boolean serverWasDown;

    public LetterSender(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                        ObjectProvider<JavaMailSender> mailSender, LetterSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactionManager);
        this.mailSender = mailSender;
        this.settings = settings;
        this.clock = clock;
    }

    /** What a round did. */
    public record Round(int sent, int refused, int failed, boolean serverDown) {
    }

    @Scheduled(initialDelayString = "PT20S", fixedDelayString = "${masm.letters.sender.interval:PT30S}")
    void scheduledRound() {
        if (settings.getSender().isEnabled()) {
            try {
                sendDue();
            } catch (RuntimeException e) {
                log.warn("Letter sender round failed: {}", e.toString());
            }
        }
    }

    /** Sends every due PENDING letter (in batches) until none is left or the mail server is unreachable. */
    public Round sendDue() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return new Round(0, 0, 0, true);
        }
        int sent = 0;
        int refused = 0;
        int failed = 0;
        while (true) {
            List<Long> claimed = claim();
            if (claimed.isEmpty()) {
                break;
            }
            for (int i = 0; i < claimed.size(); i++) {
                Long id = claimed.get(i);
                try {
                    send(sender, id);
                    markSent(id);
                    sent++;
                } catch (Exception e) {
                    if (isServerDown(e)) {
                        release(claimed.subList(i, claimed.size()), e);
                        if (!serverWasDown) {
                            log.warn("Mail server unreachable ({}): letters stay in the outbox and are retried", e.toString());
                        }
                        serverWasDown = true;
                        return new Round(sent, refused, failed, true);
                    }
                    if (markRefused(id, e)) {
                        failed++;
                    } else {
                        refused++;
                    }
                }
            }
        }
        if (serverWasDown && sent > 0) {
            log.info("Mail server reachable again: {} letter(s) sent", sent);
        }
        serverWasDown = false;
        return new Round(sent, refused, failed, false);
    }

    private List<Long> claim() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return tx.execute(status -> {
            List<Long> ids = jdbc.queryForList("select id from letter where status = 'PENDING' and next_attempt_at <= ? "
                    + "and (claimed_until is null or claimed_until < ?) order by id limit ? for update skip locked",
                    Long.class, now, now, settings.getSender().getBatchSize());
            OffsetDateTime until = now.plus(settings.getSender().getClaimTimeout());
            for (Long id : ids) {
                jdbc.update("update letter set claimed_until = ? where id = ?", until, id);
            }
            return ids;
        });
    }

    private void send(JavaMailSender sender, Long id) throws MessagingException, UnsupportedEncodingException {
        var letter = jdbc.queryForMap("select recipient, recipient_name, subject, body_html from letter where id = ?", id);
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(settings.getFrom(), settings.getFromName());
        String name = (String) letter.get("recipient_name");
        String address = (String) letter.get("recipient");
        if (name != null && !name.isBlank()) {
            helper.setTo(new jakarta.mail.internet.InternetAddress(address, name, "UTF-8"));
        } else {
            helper.setTo(address);
        }
        helper.setSubject((String) letter.get("subject"));
        helper.setText((String) letter.get("body_html"), true);
        helper.getMimeMessage().setHeader("X-MASM-Letter-Id", String.valueOf(id));
        jdbc.query("select file_name, content_type, content from letter_attachment where letter_id = ? order by id",
                rs -> {
                    try {
                        helper.addAttachment(rs.getString(1), new ByteArrayResource(rs.getBytes(3)), rs.getString(2));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }, id);
        sender.send(message);
    }

    private void markSent(Long id) {
        jdbc.update("update letter set status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = null, "
                + "claimed_until = null where id = ?", OffsetDateTime.now(clock), id);
    }

    private void release(List<Long> ids, Exception e) {
        OffsetDateTime next = OffsetDateTime.now(clock).plus(settings.getSender().getMaxBackoff());
        String error = Outbox.truncate("Serveur de messagerie injoignable : " + Outbox.rootMessage(e), 2000);
        for (Long id : ids) {
            jdbc.update("update letter set claimed_until = null, next_attempt_at = ?, last_error = ? where id = ?",
                    next, error, id);
        }
    }

    /** @return true if the letter is now FAILED */
    private boolean markRefused(Long id, Exception e) {
        Integer attempts = jdbc.queryForObject("select attempts from letter where id = ?", Integer.class, id);
        int now = (attempts == null ? 0 : attempts) + 1;
        String error = Outbox.truncate("Refusée par le serveur de messagerie : " + Outbox.rootMessage(e), 2000);
        boolean failed = now >= settings.getSender().getMaxFailures();
        Duration wait = backoff(now);
        jdbc.update("update letter set attempts = ?, last_error = ?, status = ?, next_attempt_at = ?, claimed_until = null "
                + "where id = ?", now, error, failed ? Outbox.FAILED : Outbox.PENDING, OffsetDateTime.now(clock).plus(wait), id);
        log.warn("Letter {} refused ({} attempt(s)){}: {}", id, now, failed ? ", now FAILED" : "", error);
        return failed;
    }

    Duration backoff(int failures) {
        Duration wait = settings.getSender().getInitialBackoff();
        for (int i = 1; i < failures && wait.compareTo(settings.getSender().getMaxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.getSender().getMaxBackoff()) > 0 ? settings.getSender().getMaxBackoff() : wait;
    }

    /** Connection-level trouble (the server is down or misconfigured), as opposed to a refusal of this letter. */
    static boolean isServerDown(Throwable e) {
        if (e instanceof MailAuthenticationException) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SendFailedException) {
                return false;
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof SocketTimeoutException
                    || t instanceof NoRouteToHostException || t instanceof jakarta.mail.AuthenticationFailedException
                    || t instanceof java.net.SocketException) {
                return true;
            }
            if (t instanceof org.springframework.mail.MailSendException mse) {
                for (Exception failed : mse.getFailedMessages().values()) {
                    if (isServerDown(failed)) {
                        return true;
                    }
                }
            }
            if (t instanceof MessagingException me && me.getNextException() != null && me.getNextException() != t.getCause()
                    && isServerDown(me.getNextException())) {
                return true;
            }
        }
        return false;
    }
}
