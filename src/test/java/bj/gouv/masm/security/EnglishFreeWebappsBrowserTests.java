package bj.gouv.masm.security;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.support.Browser;
import bj.gouv.masm.support.IntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.repository.ProcessDefinition;
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
 * No English left on screen, with an ENGLISH browser: every visible text of a manager's Cockpit
 * process page and of an administrator's Admin user page is compared with the English strings of
 * the app's shipped en.json (a text equal to an English string that is not also our French for some
 * key fails the test). Tasklist shows relative times in French from the first render and the tag
 * list of a start form says « Rechercher ». Screenshots: docs/screenshots/cockpit-process-manager-fr.png,
 * admin-user-fr.png, tasklist-start-form-fr.png.
 */
class EnglishFreeWebappsBrowserTests extends IntegrationTestBase {

    private static final String APP = "META-INF/resources/webjars/camunda/app/";
    private static final Path DOCS = Path.of("docs", "screenshots");
    /** Visible texts of all text nodes (trimmed), skipping scripts and hidden elements. */
    private static final String VISIBLE_TEXTS = """
            const out = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
              const node = walker.currentNode;
              const text = node.data.replace(/\\s+/g, ' ').trim();
              const parent = node.parentElement;
              if (!text || !parent || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(parent.tagName)) continue;
              const rect = parent.getBoundingClientRect();
              const style = getComputedStyle(parent);
              if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden' || style.display === 'none') continue;
              out.push(text);
            }
            document.querySelectorAll('input[placeholder], textarea[placeholder]').forEach(e => {
              if (e.getBoundingClientRect().width > 0) out.push(e.getAttribute('placeholder').trim());
            });
            return out;
            """;

    private final ObjectMapper json = new ObjectMapper();
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
    void shouldShowAManagersCockpitProcessPageWithoutEnglish() throws Exception {
        SecurityFixtures fx = new SecurityFixtures(processEngine, baseUrl());
        fx.deployCaseProcess();
        fx.startCase("ZOU");
        ProcessDefinition definition = processEngine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(SecurityFixtures.CASE_PROCESS).latestVersion().singleResult();

        logIn("cockpit", "manager", "demo");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "En ce moment"));
        driver.get(baseUrl() + "/camunda/app/cockpit/default/#/process-definition/" + definition.getId() + "/runtime");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Instances de processus"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "SEC-"));
        settle();

        assertThat(englishOnScreen("cockpit")).as("English strings of cockpit en.json on the process page").isEmpty();
        keepScreenshot("cockpit-process-manager-fr");
    }

    @Test
    void shouldShowAnAdministratorsAdminUserPageWithoutEnglish() throws Exception {
        // one session for the four webapps: log in through Cockpit's login page, then open Admin
        logIn("cockpit", "admin", SecurityFixtures.Actor.ADMIN.password());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "En ce moment"));
        driver.get(baseUrl() + "/camunda/app/admin/default/#/users/manager?tab=profile");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='profile.firstName']")));
        settle();
        assertThat(englishOnScreen("admin")).as("English strings of admin en.json on the user page").isEmpty();
        keepScreenshot("admin-user-fr");

        driver.get(baseUrl() + "/camunda/app/admin/default/#/users/manager?tab=groups");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "managers"));
        settle();
        assertThat(englishOnScreen("admin")).as("English strings of admin en.json on the user's groups").isEmpty();
    }

    @Test
    void shouldShowTasklistsRelativeTimesAndFormWidgetsInFrenchFromTheFirstRender() {
        SecurityFixtures fx = new SecurityFixtures(processEngine, baseUrl());
        fx.deployCaseProcess();
        fx.startCase("BORGOU");

        logIn("tasklist", "cps.borgou", "demo");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Tâches de mon service"));
        driver.findElement(By.xpath("//*[normalize-space(text())='Tâches de mon service']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Traiter le dossier"));
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains("il y a"));
        String list = driver.findElement(By.tagName("body")).getText();
        assertThat(list).as("relative times of the first render").doesNotContain(" ago").doesNotContain("a few seconds");

        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//a[@ng-click='open()'][span[contains(@class, 'glyphicon-list-alt')]]"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//*[@ng-click='selectProcessDefinition(processDefinition)'][contains(normalize-space(.), \"Cycle de vie d'une convention\")]")))
                .click();
        WebElement tagInput = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".modal .fjs-taglist input")));
        wait.until(d -> "Rechercher".equals(tagInput.getAttribute("placeholder")));
        assertThat(driver.findElements(By.cssSelector(".modal input[placeholder='Search']"))).isEmpty();
        keepScreenshot("tasklist-start-form-fr");
    }

    private void logIn(String app, String user, String password) {
        driver.get(baseUrl() + "/camunda/app/" + app + "/");
        new WebDriverWait(driver, Duration.ofSeconds(180)).until(ExpectedConditions.attributeToBe(
                By.cssSelector("input[ng-model='username']"), "placeholder", "Nom d'utilisateur"));
        driver.findElement(By.cssSelector("input[ng-model='username']")).sendKeys(user);
        driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type='submit']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='password']")));
    }

    /** Lets the views finish loading (spinners, late plugins). */
    private void settle() throws InterruptedException {
        Thread.sleep(2_000);
        wait.until(d -> d.findElements(By.cssSelector(".loader, .spinner")).stream().noneMatch(WebElement::isDisplayed));
    }

    /** Visible texts equal to an English string of the app's en.json that is not also one of our French strings. */
    @SuppressWarnings("unchecked")
    private Set<String> englishOnScreen(String app) throws IOException {
        Set<String> english = new HashSet<>(labels(app, true).values());
        english.removeAll(labels(app, false).values());
        english.removeIf(text -> !text.matches(".*[A-Za-z]{2,}.*"));
        List<String> visible = (List<String>) ((JavascriptExecutor) driver).executeScript(VISIBLE_TEXTS);
        Set<String> found = new TreeSet<>();
        for (String text : visible) {
            if (english.contains(text) || english.contains(text.replaceAll("[:*]+$", "").trim())) {
                found.add(text);
            }
        }
        return found;
    }

    private Map<String, String> labels(String app, boolean shipped) throws IOException {
        String path = APP + app + "/locales/" + (shipped ? "en" : "fr") + ".json";
        Enumeration<URL> urls = getClass().getClassLoader().getResources(path);
        while (urls.hasMoreElements()) {
            URL url = urls.nextElement();
            if (url.toString().contains("camunda-webapp-webjar") == shipped) {
                try (InputStream in = url.openStream()) {
                    String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    JsonNode node = json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text).path("labels");
                    Map<String, String> map = new java.util.HashMap<>();
                    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> entry = it.next();
                        map.put(entry.getKey(), entry.getValue().asText().trim());
                    }
                    return map;
                }
            }
        }
        throw new AssertionError(path + " not found");
    }

    private void keepScreenshot(String name) {
        try {
            Path shot = Browser.screenshot(driver, name);
            Files.createDirectories(DOCS);
            Files.copy(shot, DOCS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
