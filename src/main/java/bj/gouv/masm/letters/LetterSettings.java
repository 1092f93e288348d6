package bj.gouv.masm.letters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the letters feature ({@code masm.letters.*}, README "Letters"). The SMTP server itself is
 * Spring Boot's {@code spring.mail.*} (environment {@code SPRING_MAIL_HOST}, {@code SPRING_MAIL_PORT}...).
 */
@ConfigurationProperties(prefix = "masm.letters")
public class LetterSettings {

    /** Sender address of every letter and reminder. */
    private String from = "courrier@masm.gouv.bj";
    /** Display name of the sender. */
    private String fromName = "Ministère des Affaires Sociales et de la Microfinance";
    /** Signature block at the foot of every letter (lines separated by \n). */
    private String signature = "Le Secrétaire Général du Ministère\nMinistère des Affaires Sociales et de la Microfinance\nCotonou, Bénin";
    /**
     * A directory whose files replace the shipped templates of the same name (letters/*.html,
     * letters/convention.html); empty = the shipped templates only.
     */
    private String templateDir = "";
    /** Applicable-law clause of the convention (the Annex 2 specimen names French law: the Ministry decides). */
    private String applicableLaw = "La présente convention est régie par le droit béninois. Tout litige fera d'abord "
            + "l'objet d'une tentative de règlement à l'amiable par voie de conciliation avant d'être porté devant les "
            + "tribunaux compétents de la République du Bénin.";
    /** Where conventions are signed (the « Fait à ... » line). */
    private String signaturePlace = "Cotonou";
    /** Public address of the application, for links in staff reminders (e.g. https://cooperation.masm.gouv.bj). */
    private String publicUrl = "http://localhost:8080";
    /** Days before a quarterly report's due date when the partner is reminded. */
    private int reportDueReminderDays = 7;

    private final Sender sender = new Sender();
    private final Staff staff = new Staff();

    public static class Sender {
        /** Runs the retrying sender (every {@code interval}). */
        private boolean enabled = true;
        private Duration interval = Duration.ofSeconds(30);
        /** Letters claimed per round. */
        private int batchSize = 20;
        /** After this many refusals of a letter by the mail server it is FAILED (server unreachable does not count). */
        private int maxFailures = 5;
        /** First wait after a failure, doubled at each failure up to {@code maxBackoff}. */
        private Duration initialBackoff = Duration.ofSeconds(30);
        /** Longest wait between two attempts; also the longest delay after the mail server comes back. */
        private Duration maxBackoff = Duration.ofMinutes(1);
        /** A claim older than this is considered abandoned by a crashed sender. */
        private Duration claimTimeout = Duration.ofMinutes(5);

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public Duration getInterval() { return interval; }
        public void setInterval(Duration interval) { this.interval = interval; }
        public int getBatchSize() { return batchSize; }
        public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
        public int getMaxFailures() { return maxFailures; }
        public void setMaxFailures(int maxFailures) { this.maxFailures = maxFailures; }
        public Duration getInitialBackoff() { return initialBackoff; }
        public void setInitialBackoff(Duration initialBackoff) { this.initialBackoff = initialBackoff; }
        public Duration getMaxBackoff() { return maxBackoff; }
        public void setMaxBackoff(Duration maxBackoff) { this.maxBackoff = maxBackoff; }
        public Duration getClaimTimeout() { return claimTimeout; }
        public void setClaimTimeout(Duration claimTimeout) { this.claimTimeout = claimTimeout; }
    }

    public static class Staff {
        /** Runs the staff reminders and digests on their schedules. */
        private boolean scheduled = true;
        /** Days before a task's due date when its candidate group's members are reminded. */
        private int reminderDaysBefore = 2;
        /** When reminders are looked for (Spring cron, server time): every hour by default. */
        private String reminderCron = "0 0 * * * *";
        /** When each office receives its digest of overdue tasks (Spring cron): 07:00 every day by default. */
        private String digestCron = "0 0 7 * * *";
        /** Groups that receive no reminder (e.g. cps-zou). */
        private List<String> remindersDisabledFor = new ArrayList<>();
        /** Groups that receive no digest of overdue tasks. */
        private List<String> digestDisabledFor = new ArrayList<>();

        public boolean isScheduled() { return scheduled; }
        public void setScheduled(boolean scheduled) { this.scheduled = scheduled; }
        public int getReminderDaysBefore() { return reminderDaysBefore; }
        public void setReminderDaysBefore(int reminderDaysBefore) { this.reminderDaysBefore = reminderDaysBefore; }
        public String getReminderCron() { return reminderCron; }
        public void setReminderCron(String reminderCron) { this.reminderCron = reminderCron; }
        public String getDigestCron() { return digestCron; }
        public void setDigestCron(String digestCron) { this.digestCron = digestCron; }
        public List<String> getRemindersDisabledFor() { return remindersDisabledFor; }
        public void setRemindersDisabledFor(List<String> v) { this.remindersDisabledFor = v; }
        public List<String> getDigestDisabledFor() { return digestDisabledFor; }
        public void setDigestDisabledFor(List<String> v) { this.digestDisabledFor = v; }
    }

    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public String getFromName() { return fromName; }
    public void setFromName(String fromName) { this.fromName = fromName; }
    public String getSignature() { return signature; }
    public void setSignature(String signature) { this.signature = signature; }
    public String getTemplateDir() { return templateDir; }
    public void setTemplateDir(String templateDir) { this.templateDir = templateDir; }
    public String getApplicableLaw() { return applicableLaw; }
    public void setApplicableLaw(String applicableLaw) { this.applicableLaw = applicableLaw; }
    public String getSignaturePlace() { return signaturePlace; }
    public void setSignaturePlace(String signaturePlace) { this.signaturePlace = signaturePlace; }
    public String getPublicUrl() { return publicUrl; }
    public void setPublicUrl(String publicUrl) { this.publicUrl = publicUrl; }
    public int getReportDueReminderDays() { return reportDueReminderDays; }
    public void setReportDueReminderDays(int reportDueReminderDays) { this.reportDueReminderDays = reportDueReminderDays; }
    public Sender getSender() { return sender; }
    public Staff getStaff() { return staff; }
}
