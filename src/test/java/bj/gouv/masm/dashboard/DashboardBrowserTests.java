package bj.gouv.masm.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.conventions.ConventionRepository;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.support.Browser;
import bj.gouv.masm.support.IntegrationTestBase;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dashboard in headless Chromium with demo-like data: the administrator logs in through Tasklist
 * (Camunda's own login page), then opens /dashboard with that session, which proves the shared
 * login; the charts must have drawn (Chart.js instances, non-blank canvases), no script error.
 */
class DashboardBrowserTests extends IntegrationTestBase {

    @Autowired
    PartnerRepository partners;
    @Autowired
    ConventionRepository conventions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    OverlapService overlaps;

    @Test
    void shouldDrawTheDashboardChartsAfterLoggingInThroughTasklist() {
        new DemoSectorData(partners, conventions, jdbc, transactions).load(150, 400);
        overlaps.detect();
        WebDriver driver = Browser.start();
        try {
            WebDriverWait wait = Browser.logInToTasklist(driver, baseUrl(), "admin", "test-admin-password");

            driver.manage().logs().get(LogType.BROWSER); // Tasklist's own requests are not ours: start afresh
            driver.get(baseUrl() + "/dashboard");
            wait.until(ExpectedConditions.attributeToBe(By.id("dashboard"), "data-charts-ready", "true"));
            JavascriptExecutor js = (JavascriptExecutor) driver;
            assertThat(driver.getTitle()).contains("Tableau de bord");
            Long charts = (Long) js.executeScript("return Object.keys(Chart.instances).length;");
            assertThat(charts).isGreaterThanOrEqualTo(8);
            @SuppressWarnings("unchecked")
            List<Boolean> drawn = (List<Boolean>) js.executeScript("""
                    return Array.from(document.querySelectorAll('canvas')).map(function (c) {
                      var data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                      for (var i = 3; i < data.length; i += 4) { if (data[i] !== 0) { return true; } }
                      return false;
                    });""");
            assertThat(drawn).hasSizeGreaterThanOrEqualTo(8).doesNotContain(false);
            assertThat((List<?>) js.executeScript("return window.dashboardErrors;")).isEmpty();
            assertThat(driver.findElement(By.cssSelector(".headline .alert a")).getText()).endsWith("%");
            Browser.screenshot(driver, "dashboard");

            List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                    .filter(e -> !e.getMessage().contains("favicon"))
                    .toList();
            assertThat(severe).as("console errors").isEmpty();

            // every figure links to its list: a matrix cell opens the partners behind it
            driver.findElement(By.cssSelector("table.matrix a.count")).click();
            wait.until(ExpectedConditions.urlContains("/dashboard/partners"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Partenaires");
            assertThat(driver.findElements(By.cssSelector("table.list tbody tr"))).isNotEmpty();
            Browser.screenshot(driver, "dashboard-partners");
        } finally {
            driver.quit();
        }
    }
}
