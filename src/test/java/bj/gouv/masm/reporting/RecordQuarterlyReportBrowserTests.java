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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A CPS clerk records a quarterly report in Tasklist with the French Camunda Form, every SIDoFFE indicator
 * of the catalogue typed in the form's dynamic list (issue 11 item 1): sanction NONE.
 */
class RecordQuarterlyReportBrowserTests extends ReportingTestSupport {

    private static WebElement completeButton(WebDriver driver) {
        return driver.findElements(By.cssSelector("button")).stream()
                .filter(b -> b.getText().trim().matches("(?i)(complete|terminer|compléter|valider)"))
                .findFirst().orElseThrow();
    }

    /** The inputs of the form fields labelled {@code label}, in page order (the rows of a dynamic list). */
    @SuppressWarnings("unchecked")
    private static List<WebElement> fieldInputs(WebDriver driver, String type, String label) {
        return (List<WebElement>) ((JavascriptExecutor) driver).executeScript(
                "var label = arguments[1]; return Array.from(document.querySelectorAll('.fjs-form-field-' + arguments[0])).filter(function (f) {"
                        + " var l = f.querySelector('label'); return l && l.textContent.trim() === label; })"
                        + ".map(function (f) { return f.querySelector('input'); });", type, label);
    }

    private static List<WebElement> valueInputs(WebDriver driver) {
        return fieldInputs(driver, "number", "Valeur");
    }

    private static List<String> textValues(WebDriver driver, String label) {
        return fieldInputs(driver, "textfield", label).stream().map(input -> input.getDomProperty("value")).toList();
    }

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
            assertThat(driver.findElement(By.cssSelector(".fjs-container")).getText())
                    .contains("Activités réalisées", "Indicateurs SIDoFFE du trimestre", "Fiche d'indicateurs de l'OSC");
            assertThat(((JavascriptExecutor) driver).executeScript("return window.masmFormErrorsFix;"))
                    .as("config.js reached form-js's Form (dynamic lists can be completed)").isEqualTo("applied");

            // every active indicator of the catalogue table: code and label shown read-only, the value typed
            List<String> codes = jdbc.queryForList("select code from sidoffe_indicator where active = true order by sort_order, code", String.class);
            List<String> shownCodes = wait.until(d -> {
                List<String> shown = textValues(d, "Code");
                return shown.size() == codes.size() ? shown : null;
            });
            assertThat(shownCodes).containsExactlyElementsOf(codes);
            assertThat(textValues(driver, "Indicateur")).contains("Indicateur SIDoFFE 01", "Indicateur SIDoFFE 77");
            List<WebElement> values = valueInputs(driver);
            assertThat(values).hasSize(codes.size());

            // a real error still disables « Terminer »: a negative value is refused in the browser...
            values.get(0).sendKeys("-1");
            wait.until(d -> !completeButton(d).isEnabled());
            wait.until(d -> d.findElement(By.cssSelector(".fjs-container")).getText().contains("La valeur doit être au moins 0."));
            values.get(0).sendKeys(Keys.END, Keys.BACK_SPACE, Keys.BACK_SPACE, "12");
            // ...and once corrected, the empty error entries form-js leaves for list rows no longer block it
            wait.until(d -> completeButton(d).isEnabled());
            for (int i = 1; i < values.size(); i++) {
                values.get(i).sendKeys(codes.get(i).compareTo("SIDOFFE-70") >= 0 ? "50" : String.valueOf(i));
            }
            wait.until(d -> completeButton(d).isEnabled());
            Browser.screenshot(driver, "record-quarterly-report");

            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(); arguments[0].click();", completeButton(driver));
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
        Integer active = jdbc.queryForObject("select count(*) from sidoffe_indicator where active = true", Integer.class);
        assertThat(report.getIndicatorsReported()).isEqualTo(active);
        assertThat(report.getTimeliness()).isEqualTo(Timeliness.ON_TIME);
        assertThat(report.getSanction()).isEqualTo(Sanction.NONE);
        assertThat(jdbc.queryForObject("select indicator_value from report_indicator_value v join quarterly_report r "
                + "on r.id = v.report_id where r.business_key = ? and v.indicator_code = 'SIDOFFE-01'", java.math.BigDecimal.class, key))
                .isEqualByComparingTo("12");
        assertThat(report.getBeneficiariesByTargetGroup()).containsEntry("WOMEN", 40L);
        assertThat(report.getActivitiesSummary()).isEqualTo("Causeries éducatives sur les VBG");
    }
}
