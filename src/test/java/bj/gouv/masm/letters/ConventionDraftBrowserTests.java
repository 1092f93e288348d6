package bj.gouv.masm.letters;

import static bj.gouv.masm.conventions.LifecycleVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerKind;
import bj.gouv.masm.support.Browser;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The SGM opens Task_SignConvention in Tasklist (headless Debian Chromium), finds the link « Ouvrir le projet
 * de convention (PDF) » in the form and opens the draft with the Tasklist session (no second login): a PDF
 * of the dossier. Screenshot: target/screenshots/letters-sign-form-draft-link.png.
 */
class ConventionDraftBrowserTests extends LettersTestSupport {

    private static final String SGM = "sgm";

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
    void shouldLetTheSgmOpenTheDraftConventionFromTheSignatureForm() {
        try {
            openDraft();
        } catch (RuntimeException | AssertionError e) {
            if (driver != null) {
                Browser.screenshot(driver, "letters-sign-form-failure");
            }
            throw e;
        }
    }

    private void openDraft() {
        Partner ptf = partner(PartnerKind.PTF, null, uniqueAddress());
        ProcessInstance instance = readyToSign(ptf);
        String reference = businessKey(instance);
        Task task = task(instance, TASK_SIGN_CONVENTION);
        ensureTasklistAccessFor(SGM);

        driver = Browser.start();
        // a loaded machine may need more than the login helper's minute to load Tasklist the first time
        driver.get(baseUrl() + "/camunda/app/tasklist/");
        new WebDriverWait(driver, java.time.Duration.ofSeconds(240)).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
        WebDriverWait wait = Browser.logInToTasklist(driver, baseUrl(), "sgm.signataire", "demo");
        driver.get(baseUrl() + "/camunda/app/tasklist/default/#/?task=" + task.getId());
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
        wait.until(d -> form.getText().contains(ptf.getName()));
        WebElement link = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".fjs-form a[href*='draft-convention.pdf']")));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", link);
        assertThat(link.getText()).contains("Ouvrir le projet de convention");
        assertThat(link.getAttribute("href")).endsWith("/dashboard/dossiers/" + reference + "/draft-convention.pdf");
        Browser.screenshot(driver, "letters-sign-form-draft-link");

        // the browser follows the link with its Tasklist session: a PDF, no login asked
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0].href, {credentials: 'same-origin'}).then(async r => {"
                + "  const bytes = new Uint8Array(await r.arrayBuffer());"
                + "  done({status: r.status, type: r.headers.get('content-type'),"
                + "        head: String.fromCharCode.apply(null, bytes.slice(0, 5)), size: bytes.length});"
                + "}).catch(e => done({status: -1, type: String(e)}));", link);
        assertThat(((Number) answer.get("status")).intValue()).isEqualTo(200);
        assertThat((String) answer.get("type")).startsWith("application/pdf");
        assertThat((String) answer.get("head")).isEqualTo("%PDF-");
        assertThat(((Number) answer.get("size")).intValue()).isGreaterThan(1000);
    }

    /** Tasklist access, a filter and read access to the process for the SGM (as the security feature gives them). */
    private void ensureTasklistAccessFor(String group) {
        grantIfMissing(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grantIfMissing(group, Resources.PROCESS_DEFINITION, PROCESS_KEY, Permissions.READ);
        identityService.setAuthentication("sgm.signataire", List.of(group));
        long visibleFilters = filterService.createFilterQuery().count();
        identityService.clearAuthentication();
        if (visibleFilters == 0) {
            Filter filter = filterService.newTaskFilter("Tâches du SGM (test)")
                    .setQuery(taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                            .includeAssignedTasks())
                    .setProperties(Map.of("description", "Tâches des groupes de l'utilisateur", "priority", 10));
            filterService.saveFilter(filter);
            grantIfMissing(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }

    private void grantIfMissing(String group, Resource resource, String resourceId, Permission permission) {
        if (authorizationService.isUserAuthorized("sgm.signataire", List.of(group), permission, resource, resourceId)) {
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
