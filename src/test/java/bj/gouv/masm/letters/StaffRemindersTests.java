package bj.gouv.masm.letters;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** Staff reminders over any user task with a due date, and the daily digest of each office's overdue tasks. */
class StaffRemindersTests extends LettersTestSupport {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(SMTP).withPerMethodLifecycle(true);

    @Autowired
    Reminders reminders;
    @Autowired
    IdentityService identityService;
    @Autowired
    LetterSettings settings;

    private String group;
    private String address;
    private final List<String> created = new java.util.ArrayList<>();

    @BeforeEach
    void officeWithOneMember() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        group = "bureau-test-" + suffix;
        Group g = identityService.newGroup(group);
        g.setName("Bureau de test");
        identityService.saveGroup(g);
        User user = identityService.newUser("agent.test." + suffix);
        user.setFirstName("Agent");
        user.setLastName("Test");
        address = "agent-" + suffix + "@masm.invalid";
        user.setEmail(address);
        user.setPassword("Bureau-Rappel-2071!");
        identityService.saveUser(user);
        identityService.createMembership(user.getId(), group);
        // a day far from the other tests' tasks
        ClockUtil.setCurrentTime(Date.from(LocalDate.of(2071, 5, 10).atTime(9, 0).atZone(ZONE).toInstant()));
    }

    @AfterEach
    void cleanUp() {
        created.forEach(id -> taskService.deleteTask(id, true));
        settings.getStaff().setRemindersDisabledFor(List.of());
        settings.getStaff().setDigestDisabledFor(List.of());
    }

    private Task task(String name, int dueInHours, String candidateGroup) {
        Task task = taskService.newTask();
        task.setName(name);
        task.setDueDate(new Date(ClockUtil.getCurrentTime().getTime() + dueInHours * 3600_000L));
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), candidateGroup);
        created.add(task.getId());
        return task;
    }

    private List<MimeMessage> mails() throws Exception {
        sender.sendDue();
        return to(greenMail.getReceivedMessages(), address);
    }

    @Test
    void shouldRemindTheGroupsMembersOnceBeforeTheDueDate() throws Exception {
        task("Contrôler la complétude du dossier", 30, group);
        task("Tâche lointaine", 24 * 10, group);

        assertThat(reminders.remindStaff()).isGreaterThanOrEqualTo(1);
        reminders.remindStaff();
        List<MimeMessage> mails = mails();
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).contains("Contrôler la complétude du dossier").contains("11 mai 2071");
        assertThat(text(mails.get(0))).contains(group).contains("/camunda/app/tasklist/");
    }

    @Test
    void shouldNotRemindAGroupThatTurnedRemindersOff() throws Exception {
        settings.getStaff().setRemindersDisabledFor(List.of(group));
        task("Contrôler la complétude du dossier", 30, group);
        reminders.remindStaff();
        assertThat(mails()).isEmpty();
    }

    @Test
    void shouldSendEachOfficeOneDailyDigestOfItsOverdueTasks() throws Exception {
        task("Examiner le dossier", -30, group);
        task("Signer la convention", -80, group);
        task("Pas encore en retard", 5, group);

        reminders.sendOverdueDigests();
        reminders.sendOverdueDigests();
        List<MimeMessage> mails = mails();
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).contains(group).contains("(2)");
        assertThat(text(mails.get(0))).contains("Examiner le dossier").contains("Signer la convention")
                .doesNotContain("Pas encore en retard");

        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 24 * 3600_000L));
        reminders.sendOverdueDigests();
        assertThat(mails()).hasSize(2);

        settings.getStaff().setDigestDisabledFor(List.of(group));
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 24 * 3600_000L));
        reminders.sendOverdueDigests();
        assertThat(mails()).hasSize(2);
    }
}
