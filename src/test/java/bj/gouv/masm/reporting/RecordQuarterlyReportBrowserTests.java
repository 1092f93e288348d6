package bj.gouv.masm.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.conventions.Convention;
import bj.gouv.masm.support.Browser;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A CPS clerk records a quarterly report in Tasklist with the French Camunda Form. */
class RecordQuarterlyReportBrowserTests extends ReportingTestSupport {

    @Test
    void shouldRecordTheQuarterlyReportInTasklist() {
        Convention convention = activeOscConvention(2055);
        Quarter q1 = new Quarter(2055, 1);
        openQuarter(q1);
        String key = key(convention, q1);
        Task task = task(key, ReportingVariables.TASK_RECORD_REPORT);
        taskService.claim(task.getId(), "cps.borgou");

        WebDriver driver = Browser.start();
        try {
            WebDriverWait wait = Browser.logInToTasklist(driver, baseUrl(), "cps.borgou", "demo");
            driver.get(baseUrl() + "/camunda/app/tasklist/default/#/?task=" + task.getId());

            WebElement received = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector(".fjs-form-field-checkbox input[type='checkbox']")));
            assertThat(driver.findElement(By.cssSelector(".fjs-container")).getText())
                    .contains("Rapport trimestriel de l'OSC", "Indicateurs SIDoFFE reçus");
            wait.until(d -> d.findElements(By.cssSelector(".fjs-form-field-textfield input")).stream()
                    .anyMatch(input -> convention.getNumber().equals(input.getDomProperty("value"))));
            assertThat(received.isSelected()).as("report received is ticked by default").isTrue();
            WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form-field-textarea textarea")));
            summary.sendKeys("Causeries éducatives sur les VBG");
            List<WebElement> numbers = driver.findElements(By.cssSelector(".fjs-form-field-number input:not([readonly])"));
            numbers.get(0).sendKeys("40");
            assertThat(driver.findElement(By.cssSelector(".fjs-container")).getText()).contains("Activités réalisées");
            Browser.screenshot(driver, "record-quarterly-report");

            WebElement complete = driver.findElements(By.cssSelector("button")).stream()
                    .filter(b -> b.getText().trim().matches("(?i)(complete|terminer|compléter|valider)"))
                    .findFirst().orElseThrow();
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(); arguments[0].click();", complete);
            wait.until(d -> report(key).getStatus() != ReportStatus.OPEN);
        } catch (RuntimeException e) {
            Browser.screenshot(driver, "record-quarterly-report-failure");
            Object shown = ((JavascriptExecutor) driver).executeScript(
                    "return Array.from(document.querySelectorAll('.fjs-form-field-error, .fjs-has-errors .fjs-form-field-description, "
                            + ".notifications, .alert')).map(function (e) { return (e.closest('.fjs-form-field') ? "
                            + "e.closest('.fjs-form-field').querySelector('label') && e.closest('.fjs-form-field').querySelector('label').textContent : '') + ' => ' + e.textContent; }).join(' | ');");
            System.err.println("RecordQuarterlyReportBrowserTests: messages on the page: " + shown);
            Object state = ((JavascriptExecutor) driver).executeScript(
                    "var out = [];"
                    + "document.querySelectorAll('button').forEach(function (b) { if (/Terminer/.test(b.textContent)) out.push('button disabled=' + b.disabled + ' class=' + b.className); });"
                    + "document.querySelectorAll('[class*=error], [class*=invalid], [aria-invalid=true]').forEach(function (e) {"
                    + "  var f = e.closest('.fjs-form-field'); out.push(e.tagName + '.' + e.className + ' : ' + (e.textContent || '').slice(0, 120)"
                    + "   + ' @ ' + (f ? (f.querySelector('label') ? f.querySelector('label').textContent : f.className) : '')); });"
                    + "return out.slice(0, 40).join(' || ');");
            System.err.println("RecordQuarterlyReportBrowserTests: state:\n" + state);
            driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).forEach(entry ->
                    System.err.println("RecordQuarterlyReportBrowserTests: console: " + entry.getLevel() + " " + entry.getMessage()));
            throw e;
        } finally {
            driver.quit();
        }
        QuarterlyReport report = report(key);
        assertThat(report.getStatus()).isEqualTo(ReportStatus.RECEIVED);
        assertThat(report.getBeneficiariesByTargetGroup()).containsEntry("WOMEN", 40L);
        assertThat(report.getActivitiesSummary()).isEqualTo("Causeries éducatives sur les VBG");
    }
}
