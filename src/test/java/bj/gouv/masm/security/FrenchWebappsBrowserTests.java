package bj.gouv.masm.security;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.support.Browser;
import bj.gouv.masm.support.IntegrationTestBase;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A clerk with an ENGLISH browser gets the login page and Tasklist in French, branded
 * "MASM — Coopération", without the "migrate to Camunda 8" banner, and sees the department's task
 * in "Tâches de mon service"; a manager's Cockpit dashboard is French too. Screenshots:
 * target/screenshots/login-fr.png, tasklist-cps-borgou-fr.png, cockpit-manager-fr.png.
 */
class FrenchWebappsBrowserTests extends IntegrationTestBase {

    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        driver = Browser.start("en-US");
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void shouldShowLoginAndTasklistInFrenchWithoutCamunda8Banner() {
        SecurityFixtures fx = new SecurityFixtures(processEngine, baseUrl());
        fx.deployCaseProcess();
        ProcessInstance borgou = fx.startCase("BORGOU");
        ProcessInstance alibori = fx.startCase("ALIBORI");

        driver.get(baseUrl() + "/camunda/app/tasklist/");
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("input[ng-model='username']"), "placeholder",
                "Nom d'utilisateur"));
        WebElement username = driver.findElement(By.cssSelector("input[ng-model='username']"));
        assertThat(driver.findElement(By.cssSelector("input[ng-model='password']")).getAttribute("placeholder"))
                .isEqualTo("Mot de passe");
        assertThat(driver.findElement(By.cssSelector("form button[type='submit']")).getText()).contains("Se connecter");
        assertThat(driver.getTitle()).isEqualTo("MASM — Coopération");
        assertThat(driver.findElements(By.cssSelector(".login-logo")).stream().filter(WebElement::isDisplayed))
                .as("Camunda's logo on the login page").isEmpty();
        assertThat(((JavascriptExecutor) driver).executeScript("return document.querySelector('.login-header .app-name')"
                + ".textContent.trim() + '|' + getComputedStyle(document.querySelector('.login-header .app-name'),"
                + " '::before').content")).isEqualTo("Coopération|\"MASM — \"");
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("Propulsé par")
                .contains("Dates et heures affichées dans le fuseau horaire local");
        assertThat(browserLanguage()).as("the browser itself is English").startsWith("en");
        assertNoCamunda8Banner();
        Browser.screenshot(driver, "login-fr");

        username.sendKeys("cps.borgou");
        driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
        driver.findElement(By.cssSelector("form button[type='submit']")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Démarrer un processus"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Tâches de mon service"));
        String page = driver.findElement(By.tagName("body")).getText();
        assertThat(page).contains("Mes tâches").contains("Créer une tâche").doesNotContain("Start process")
                .doesNotContain("migrate to Camunda 8");
        assertThat(driver.getPageSource()).contains("Se déconnecter");
        driver.findElement(By.xpath("//*[normalize-space(text())='Tâches de mon service']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Traiter le dossier"));
        String list = driver.findElement(By.tagName("body")).getText();
        assertThat(list.split("Traiter le dossier", -1).length - 1)
                .as("Borgou's clerk sees Borgou's task, never Alibori's").isEqualTo(1);
        assertThat(alibori.getBusinessKey()).isNotEqualTo(borgou.getBusinessKey());
        assertNoCamunda8Banner();
        Browser.screenshot(driver, "tasklist-cps-borgou-fr");
        assertThat(borgou.getBusinessKey()).isNotBlank();
    }

    @Test
    void shouldShowCockpitInFrenchToManagers() {
        SecurityFixtures fx = new SecurityFixtures(processEngine, baseUrl());
        fx.deployCaseProcess();
        fx.startCase("ZOU");

        driver.get(baseUrl() + "/camunda/app/cockpit/");
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("input[ng-model='username']"), "placeholder",
                "Nom d'utilisateur"));
        driver.findElement(By.cssSelector("input[ng-model='username']")).sendKeys("manager");
        driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
        driver.findElement(By.cssSelector("form button[type='submit']")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "En ce moment"));
        String dashboard = driver.findElement(By.tagName("body")).getText();
        assertThat(dashboard).contains("MASM — Coopération").contains("Processus").contains("Déploiements")
                .doesNotContain("Right Now").doesNotContain("Running Process Instances");
        assertNoCamunda8Banner();
        Browser.screenshot(driver, "cockpit-manager-fr");
    }

    private void assertNoCamunda8Banner() {
        List<WebElement> banners = driver.findElements(By.cssSelector(".ce-eol-banner"));
        assertThat(banners.stream().filter(WebElement::isDisplayed)).as("Camunda 8 banner shown").isEmpty();
    }

    private String browserLanguage() {
        // the page's override only changes what the webapps read; the Accept-Language header is English
        return String.valueOf(((JavascriptExecutor) driver).executeScript(
                "return Object.getOwnPropertyDescriptor(Navigator.prototype, 'language').get.call(navigator)"));
    }
}
