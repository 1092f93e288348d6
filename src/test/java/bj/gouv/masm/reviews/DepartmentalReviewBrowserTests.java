package bj.gouv.masm.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.conventions.ConventionStatus;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerKind;
import bj.gouv.masm.support.Browser;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A Borgou CPS clerk opens the review tasks in Tasklist (headless Debian Chromium): the French
 * preparation form shows the departmental report, the point on previous recommendations and the
 * partner checklist pre-ticked with the partners holding an active convention; the meeting form
 * offers the recommendations dynamic list, whose owner select lists the offices read from the tables
 * (refGroups, issue 11 item 12). Screenshots: target/screenshots/reviews-prepare-form.png,
 * reviews-hold-form.png.
 */
class DepartmentalReviewBrowserTests extends ReviewsTestSupport {

    private static final String GROUP = "cps-borgou";

    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    FilterService filterService;
    @Autowired
    IdentityService identityService;

    private WebDriver driver;

    @AfterEach
    void closeBrowserAndOwnCases() {
        if (driver != null) {
            driver.quit();
        }
        // leave no open review of this test behind in other browser tests' Tasklists (the calendar
        // instance takes its twelve called reviews with it)
        runtimeService.createProcessInstanceQuery().processDefinitionKey(ReviewVariables.CALENDAR_PROCESS)
                .processInstanceBusinessKey("2086-S1").list()
                .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "fin du test navigateur des revues"));
        departmentalReviewsOf(new HalfYear(2086, 1))
                .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "fin du test navigateur des revues"));
        assertThat(departmentalReviewsOf(new HalfYear(2086, 1))).as("own reviews removed").isEmpty();
    }

    @Test
    void shouldShowTheReviewFormsInFrenchWithTheirContext() {
        try {
            showForms();
        } catch (RuntimeException | AssertionError e) {
            if (driver != null) {
                Browser.screenshot(driver, "reviews-failure");
            }
            throw e;
        }
    }

    private void showForms() {
        HalfYear halfYear = new HalfYear(2086, 1);
        Partner invited = partner("ONG Borgou Solidarité", PartnerKind.OSC, "BORGOU", Set.of("BORGOU"), false);
        convention(invited, "BORGOU", LocalDate.of(2085, 1, 1), LocalDate.of(2087, 12, 31), ConventionStatus.ACTIVE);
        setClock(2086, 6, 1, 8);
        openHalfYear(halfYear);
        ProcessInstance review = reviewInstance("BORGOU", halfYear);
        Task prepare = task(review, "Task_PrepareDepartmentalReview");
        driver = Browser.start();
        WebDriverWait wait = Browser.logInToTasklist(driver, baseUrl(), "cps.borgou", "demo");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-tasklist-filters], .filters, .tasks-list")));

        WebElement form = openForm(wait, prepare);
        wait.until(d -> form.getText().contains(invited.getName()));
        assertThat(form.getText()).contains("Préparer la revue sectorielle départementale")
                .contains("Rapport analytique départemental du semestre")
                .contains("Point sur les recommandations précédentes").contains("Partenaires invités")
                .contains("Date prévue de la revue").contains("Lieu");
        JavascriptExecutor js = (JavascriptExecutor) driver;
        String textareas = (String) js.executeScript("return Array.from(document.querySelectorAll('.fjs-form textarea'))"
                + ".map(t => t.value).join('\\n');");
        assertThat(textareas).contains("Conventions en vigueur : 1").contains("Aucune recommandation en cours");
        String checked = (String) js.executeScript("return Array.from(document.querySelectorAll('.fjs-form input[type=checkbox]'))"
                + ".filter(c => c.checked).map(c => (c.closest('label') || c.parentElement).innerText).join('|');");
        assertThat(checked).as("partner with an active convention invited by default").contains(invited.getName());
        Browser.screenshot(driver, "reviews-prepare-form");

        taskService.complete(prepare.getId(), Map.of("plannedOn", "2086-06-20", "venue", "Parakou"));
        Task hold = task(review, "Task_HoldDepartmentalReview");
        WebElement holdForm = openForm(wait, hold);
        wait.until(d -> holdForm.getText().contains("Recommandations de la revue"));
        assertThat(holdForm.getText()).contains("Tenir la revue sectorielle départementale").contains("Compte rendu")
                .contains("Nombre de participants").contains("Date de tenue");
        // issue 11 item 12: the owner select inside the dynamic list reads refGroups, filled from the tables
        clickCentred(holdForm.findElement(By.cssSelector(".fjs-repeat-render-add")));
        clickCentred(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form .fjs-select-display"))));
        wait.until(d -> !d.findElements(By.cssSelector(".fjs-dropdownlist-item")).isEmpty());
        String owners = (String) ((JavascriptExecutor) driver).executeScript("return Array.from(document.querySelectorAll("
                + "'.fjs-dropdownlist-item')).map(i => i.innerText).join('|');");
        assertThat(owners).as("owners offered from the department table and the central offices")
                .contains("CPS Borgou").contains("CPS Ouémé").contains("Cabinet du Ministre");
        WebElement list = driver.findElement(By.xpath("//form[contains(@class,'fjs-form')]//*[contains(normalize-space(text()), 'Recommandations de la revue')]"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", list);
        Browser.screenshot(driver, "reviews-hold-form");
    }


    private void clickCentred(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private WebElement openForm(WebDriverWait wait, Task task) {
        driver.get(baseUrl() + "/camunda/app/tasklist/default/#/?task=" + task.getId());
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
    }
}
