package bj.gouv.masm.conventions;

import static bj.gouv.masm.conventions.LifecycleVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.support.Browser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A CPS clerk of Borgou works Task_CheckDossier in Tasklist (headless Debian Chromium): logs in, opens the
 * task, sees the French form with the partner's name and the required-documents checklist, claims and
 * completes it; the dossier moves on to the DPAF review, recorded under the clerk's name.
 * Screenshots: target/screenshots/lifecycle-check-dossier-context.png (partner, department, dossier),
 * lifecycle-check-dossier-form.png (filled in), lifecycle-check-dossier-completed.png, and lifecycle-start-form.png
 * (a dossier filed from the Tasklist start form by registration number).
 */
class ConventionLifecycleBrowserTests extends LifecycleTestSupport {

    private static final String CPS_GROUP_BORGOU = "cps-borgou";

    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    FilterService filterService;
    @Autowired
    IdentityService identityService;

    private WebDriver driver;

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void shouldLetABorgouClerkCheckAnOscDossierInTasklist() {
        try {
            checkDossierInTasklist();
        } catch (RuntimeException | AssertionError e) {
            if (driver != null) {
                Browser.screenshot(driver, "lifecycle-check-dossier-failure");
            }
            throw e;
        }
    }

    private void checkDossierInTasklist() {
        Partner partner = osc("BORGOU");
        ProcessInstance instance = start(partner);
        Task task = task(instance, TASK_CHECK_DOSSIER);
        ensureTasklistAccessFor(CPS_GROUP_BORGOU);

        WebDriverWait wait = logIn("cps.borgou");

        driver.get(baseUrl() + "/camunda/app/tasklist/default/#/?task=" + task.getId());
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
        wait.until(d -> form.getText().contains(partner.getName()));
        assertThat(form.getText()).contains("Contrôle de complétude du dossier (CPS)")
                .contains(instance.getBusinessKey()).contains("Borgou")
                .contains("Statuts et règlement intérieur").contains("Le dossier est-il complet ?");

        Browser.screenshot(driver, "lifecycle-check-dossier-context");
        clickLabel(wait, "Lettre de demande de partenariat");
        clickLabel(wait, "Statuts et règlement intérieur");
        clickLabel(wait, "Oui");
        Browser.screenshot(driver, "lifecycle-check-dossier-form");
        WebElement complete = driver.findElement(By.cssSelector("button[ng-click='complete()']"));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center'});", complete);
        wait.until(ExpectedConditions.elementToBeClickable(complete)).click();

        wait.until(d -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
        Browser.screenshot(driver, "lifecycle-check-dossier-completed");

        assertThat(instance).isWaitingAt(TASK_REVIEW_DOSSIER);
        Dossier dossier = dossierService.get(instance.getBusinessKey());
        assertThat(dossier.getStatus()).isEqualTo(DossierStatus.UNDER_REVIEW);
        assertThat(dossier.getReceivedDocuments()).containsExactlyInAnyOrder("REQUEST_LETTER", "STATUTES");
        assertThat(dossierService.historyOf(dossier.getReference())).last()
                .satisfies(change -> assertThat(change.getChangedBy()).isEqualTo("cps.borgou"));
    }

    @Test
    void shouldLetABorgouClerkFileADossierFromTheTasklistStartForm() {
        try {
            fileDossierFromStartForm();
        } catch (RuntimeException | AssertionError e) {
            if (driver != null) {
                Browser.screenshot(driver, "lifecycle-start-form-failure");
            }
            throw e;
        }
    }

    private void fileDossierFromStartForm() {
        Partner partner = osc("BORGOU");
        ensureTasklistAccessFor(CPS_GROUP_BORGOU);
        grantIfMissing(CPS_GROUP_BORGOU, Resources.PROCESS_DEFINITION, PROCESS_KEY, Permissions.CREATE_INSTANCE);
        grantIfMissing(CPS_GROUP_BORGOU, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        WebDriverWait wait = logIn("cps.borgou");

        // "Start process" (whatever the UI language): the link with the list icon ("Create task" has another one)
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//a[@ng-click='open()'][span[contains(@class, 'glyphicon-list-alt')]]"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//*[@ng-click='selectProcessDefinition(processDefinition)'][contains(normalize-space(.), \"Cycle de vie d'une convention\")]")))
                .click();
        WebElement query = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".modal .fjs-form-field-textfield input")));
        assertThat(driver.findElement(By.cssSelector(".modal .fjs-form")).getText())
                .contains("Dépôt d'un dossier de conventionnement").contains("numéro d'enregistrement ou nom");
        query.sendKeys(partner.getRegistrationNumber());
        Browser.screenshot(driver, "lifecycle-start-form");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='startProcessInstance()']")))
                .click();

        wait.until(d -> runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .variableValueEquals(PARTNER_ID, partner.getId()).count() == 1);
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .variableValueEquals(PARTNER_ID, partner.getId()).singleResult();
        assertThat(instance).isWaitingAt(TASK_CHECK_DOSSIER);
        assertThat(instance.getBusinessKey()).matches("DOS-\\d{4}-\\d{4}");
        assertThat(dossierService.get(instance.getBusinessKey()).getCreatedBy()).isEqualTo("cps.borgou");
    }

    @Test
    void shouldLetTheSgmReturnADossierToTheDpafInTasklist() {
        try {
            returnDossierInTasklist();
        } catch (RuntimeException | AssertionError e) {
            if (driver != null) {
                Browser.screenshot(driver, "lifecycle-sign-return-failure");
            }
            throw e;
        }
    }

    /** Issue 11, item 5: the SGM chooses « Renvoyer le dossier à la DPAF » and gives the comment. */
    private void returnDossierInTasklist() {
        Partner partner = osc("BORGOU");
        ProcessInstance instance = readyToSign(partner);
        Task task = task(instance, TASK_SIGN_CONVENTION);
        ensureTasklistAccessFor("sgm.signataire", "sgm");

        WebDriverWait wait = logIn("sgm.signataire");

        driver.get(baseUrl() + "/camunda/app/tasklist/default/#/?task=" + task.getId());
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
        wait.until(d -> form.getText().contains(partner.getName()));
        assertThat(form.getText()).contains("Décision du SGM").contains("Signer la convention")
                .contains("Obligations des parties");
        Browser.screenshot(driver, "lifecycle-sign-decision");

        clickLabel(wait, "Renvoyer le dossier à la DPAF");
        // the signature fields disappear, the comment appears
        wait.until(d -> !driver.findElement(By.cssSelector(".fjs-form")).getText().contains("Obligations des parties"));
        WebElement comment = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//form[contains(@class,'fjs-form')]//textarea")));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center'});", comment);
        comment.sendKeys("Préciser le budget de l'axe 3");
        Browser.screenshot(driver, "lifecycle-sign-return-form");
        WebElement complete = driver.findElement(By.cssSelector("button[ng-click='complete()']"));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center'});", complete);
        wait.until(ExpectedConditions.elementToBeClickable(complete)).click();

        wait.until(d -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
        assertThat(instance).isWaitingAt(TASK_REVIEW_DOSSIER).hasNotPassed("ServiceTask_RegisterConvention");
        Dossier dossier = dossierService.get(instance.getBusinessKey());
        assertThat(dossier.getStatus()).isEqualTo(DossierStatus.UNDER_REVIEW);
        assertThat(dossier.getSignatureComment()).isEqualTo("Préciser le budget de l'axe 3");
        assertThat(dossierService.historyOf(dossier.getReference())).last()
                .satisfies(change -> assertThat(change.getChangedBy()).isEqualTo("sgm.signataire"));
    }

    private WebDriverWait logIn(String user) {
        driver = Browser.start();
        WebDriverWait wait = Browser.logInToTasklist(driver, baseUrl(), user, "demo");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[ng-click='open()']")));
        return wait;
    }

    private void clickLabel(WebDriverWait wait, String text) {
        WebElement label = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//form[contains(@class,'fjs-form')]//label[contains(normalize-space(.), \"" + text + "\")]")));
        // Tasklist's fixed footer may cover the lower part of the form: bring the field to the middle first
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center'});", label);
        wait.until(ExpectedConditions.elementToBeClickable(label)).click();
    }

    /**
     * What a CPS clerk needs in Tasklist with authorizations on: access to the Tasklist application, a
     * filter it may read, and read access to the process definition. The security feature provides these
     * in the application; the test adds whatever is missing so that it stands on its own.
     */
    private void ensureTasklistAccessFor(String group) {
        ensureTasklistAccessFor("cps.borgou", group);
    }

    private void ensureTasklistAccessFor(String user, String group) {
        grantIfMissing(user, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grantIfMissing(user, group, Resources.PROCESS_DEFINITION, PROCESS_KEY, Permissions.READ);
        identityService.setAuthentication(user, List.of(group));
        long visibleFilters = filterService.createFilterQuery().count();
        identityService.clearAuthentication();
        if (visibleFilters == 0) {
            Filter filter = filterService.newTaskFilter("Tâches de mon CPS (test)")
                    .setQuery(taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                            .includeAssignedTasks())
                    .setProperties(Map.of("description", "Tâches des groupes de l'utilisateur", "priority", 10));
            filterService.saveFilter(filter);
            grantIfMissing(user, group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }

    private void grantIfMissing(String group, Resource resource, String resourceId, Permission permission) {
        grantIfMissing("cps.borgou", group, resource, resourceId, permission);
    }

    private void grantIfMissing(String user, String group, Resource resource, String resourceId, Permission permission) {
        if (authorizationService.isUserAuthorized(user, List.of(group), permission, resource, resourceId)) {
            return;
        }
        Authorization grant = authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
        if (grant == null) {
            grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(group);
            grant.setResource(resource);
            grant.setResourceId(resourceId);
        }
        grant.addPermission(permission);
        authorizationService.saveAuthorization(grant);
    }
}
