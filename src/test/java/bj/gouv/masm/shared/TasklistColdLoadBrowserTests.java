package bj.gouv.masm.shared;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.support.Browser;
import bj.gouv.masm.support.IntegrationTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a CPS clerk's browser downloads to open Tasklist the first time (empty cache) and on a reload:
 * the transfer sizes of every response (compressed body + headers, 0 for a cache hit) as the browser's
 * Resource Timing reports them. Prints the figures for the README ("Performance").
 */
class TasklistColdLoadBrowserTests extends IntegrationTestBase {

    static final long LIMIT = 1536L * 1024; // 1.5 MiB
    WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void shouldOpenTasklistColdUnderOneAndAHalfMebibytes() {
        driver = Browser.start();
        WebDriverWait wait = Browser.logInToTasklist(driver, baseUrl(), "cps.borgou", "demo");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Tâches de mon service"));
        waitForQuiet();
        long[] cold = transferred();
        double seconds = cold[1] * 8 / 1_000_000.0;
        System.out.printf("TASKLIST COLD LOAD: %d requests, %d bytes (%.2f MiB), %.1f s at 1 Mbit/s%n",
                cold[0], cold[1], cold[1] / 1048576.0, seconds);

        driver.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Tâches de mon service"));
        waitForQuiet();
        long[] warm = transferred();
        System.out.printf("TASKLIST RELOAD: %d requests, %d bytes (%.1f KiB)%n", warm[0], warm[1], warm[1] / 1024.0);

        assertThat(cold[1]).as("bytes transferred for Tasklist's first load").isLessThan(LIMIT);
        assertThat(warm[1]).as("a reload fetches far less than the first load").isLessThan(cold[1] / 4);
    }

    private void waitForQuiet() {
        long previous = -1;
        for (int i = 0; i < 30; i++) {
            long count = transferred()[0];
            if (count == previous) {
                return;
            }
            previous = count;
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** {requests, bytes} of this document: navigation + resources. */
    @SuppressWarnings("unchecked")
    private long[] transferred() {
        List<Map<String, Object>> entries = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript(
                "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
                        + ".map(e => ({name: e.name, size: e.transferSize || 0}));");
        long bytes = 0;
        for (Map<String, Object> e : entries) {
            bytes += ((Number) e.get("size")).longValue();
        }
        return new long[]{entries.size(), bytes};
    }
}
