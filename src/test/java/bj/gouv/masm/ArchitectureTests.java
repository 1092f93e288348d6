package bj.gouv.masm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;

/**
 * The feature map of README « Architecture », enforced on the compiled main classes: no cycle between the
 * feature packages {@code bj.gouv.masm.<feature>}, each feature calls only the features named below it,
 * no feature reaches into another's process glue or (beyond the listed legacy cases) its repositories,
 * and controllers translate HTTP, nothing more.
 */
class ArchitectureTests {

    private static final String ROOT = "bj.gouv.masm";

    /**
     * Who may call whom: each feature with the features it may depend on. Lower layers first; a feature
     * never names one of its callers. Anything not listed here is refused.
     */
    static final Map<String, Set<String>> MAY_CALL = new LinkedHashMap<>();

    static {
        MAY_CALL.put("shared", Set.of());
        MAY_CALL.put("reference", Set.of("shared"));
        MAY_CALL.put("security", Set.of("shared", "reference"));
        MAY_CALL.put("partners", Set.of("shared", "reference", "security"));
        MAY_CALL.put("reviews", Set.of("shared", "reference", "security", "partners"));
        MAY_CALL.put("conventions", Set.of("shared", "reference", "security", "partners", "reviews"));
        MAY_CALL.put("reporting", Set.of("shared", "reference", "security", "partners", "reviews", "conventions"));
        MAY_CALL.put("funding", Set.of("shared", "reference", "security", "partners", "conventions", "reporting"));
        MAY_CALL.put("programmes", Set.of("shared", "reference", "security", "partners", "reviews"));
        MAY_CALL.put("coordination", Set.of("shared", "reference", "security", "partners", "reviews", "conventions"));
        MAY_CALL.put("dashboard", Set.of("shared", "reference", "security", "partners", "conventions", "reporting",
                "funding", "coordination"));
        MAY_CALL.put("exports", Set.of("shared", "reference", "security", "partners", "conventions", "reporting",
                "dashboard"));
        MAY_CALL.put("letters", Set.of("shared", "reference", "security", "partners", "reviews", "conventions",
                "reporting", "funding"));
        MAY_CALL.put("simulation", Set.of("shared", "reference", "security", "partners", "reviews", "conventions",
                "reporting", "funding", "programmes", "coordination"));
    }

    /**
     * Classes that still read another feature's Spring Data repository (to be replaced by that feature's
     * services or read queries). The list may only shrink: a class not named here fails the test.
     */
    static final Set<String> LEGACY_REPOSITORY_CALLERS = Set.of(
            "conventions.DossierService", "conventions.DemoDossiersLoader",
            "conventions.process.PrepareTaskContextListener",
            "reporting.QuarterOpeningService", "reporting.QuarterlyReportService", "reporting.ReportingNotifications",
            "reporting.AccreditationRevocationService", "reporting.CpsSupportService", "reporting.ComplianceService",
            "reporting.regularisation.OscRegularisationService", "simulation.Simulator");

    private static final Class<?>[] ENGINE_SERVICES = {ProcessEngine.class, RuntimeService.class, TaskService.class,
            RepositoryService.class, HistoryService.class, IdentityService.class, ManagementService.class,
            FormService.class, DecisionService.class, ExternalTaskService.class, AuthorizationService.class};

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ROOT);

    @Test
    void shouldHaveNoCycleBetweenFeatures() {
        slices().matching(ROOT + ".(*)..").namingSlices("$1").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void shouldNameEveryFeatureInTheMap() {
        Set<String> features = new TreeSet<>();
        MAIN.stream().map(JavaClass::getPackageName).filter(p -> p.startsWith(ROOT + "."))
                .forEach(p -> features.add(feature(p)));
        assertThat(MAY_CALL.keySet()).containsExactlyInAnyOrderElementsOf(features);
    }

    @Test
    void shouldCallOnlyTheFeaturesBelowInTheMap() {
        List<String> refused = new ArrayList<>();
        MAY_CALL.forEach((feature, allowed) -> {
            List<String> others = MAY_CALL.keySet().stream()
                    .filter(f -> !f.equals(feature) && !allowed.contains(f))
                    .map(f -> ROOT + "." + f + "..").toList();
            if (!others.isEmpty()) {
                ArchRule rule = noClasses().that().resideInAPackage(ROOT + "." + feature + "..")
                        .should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new))
                        .because(feature + " may call only " + allowed + " (README « Architecture »)");
                try {
                    rule.check(MAIN);
                } catch (AssertionError e) {
                    refused.add(e.getMessage());
                }
            }
        });
        assertThat(refused).as("calls against the feature map").isEmpty();
    }

    @Test
    void shouldKeepEachFeaturesProcessGlueToItself() {
        // delegates and listeners are the models' business: other features call the feature's services
        noClasses().should(new com.tngtech.archunit.lang.ArchCondition<JavaClass>("depend on another feature's process package") {
            @Override
            public void check(JavaClass item, com.tngtech.archunit.lang.ConditionEvents events) {
                item.getDirectDependenciesFromSelf().forEach(d -> {
                    JavaClass target = d.getTargetClass();
                    if (target.getPackageName().startsWith(ROOT + ".") && target.getPackageName().contains(".process")
                            && !feature(target.getPackageName()).equals(feature(item.getPackageName()))) {
                        events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                });
            }
        }).check(MAIN);
    }

    @Test
    void shouldReadAnotherFeaturesRepositoriesOnlyInTheListedLegacyClasses() {
        List<String> found = new ArrayList<>();
        MAIN.stream().filter(c -> c.getPackageName().startsWith(ROOT + ".")).forEach(c ->
                c.getDirectDependenciesFromSelf().forEach(d -> {
                    JavaClass target = d.getTargetClass();
                    String owner = target.getPackageName().startsWith(ROOT + ".") ? feature(target.getPackageName()) : null;
                    if (owner != null && !owner.equals("shared") && target.isAssignableTo(Repository.class)
                            && !owner.equals(feature(c.getPackageName()))) {
                        String caller = c.getName().substring(ROOT.length() + 1).replaceAll("\\$.*", "");
                        if (!LEGACY_REPOSITORY_CALLERS.contains(caller)) {
                            found.add(d.getDescription());
                        }
                    }
                }));
        assertThat(found).as("another feature's repository: call its service or its *ReadQueries").isEmpty();
    }

    @Test
    void shouldKeepControllersFreeOfTransactionsAndData() {
        DescribedPredicate<JavaClass> controller = DescribedPredicate.describe("controllers",
                c -> c.isAnnotatedWith(RestController.class) || c.isAnnotatedWith(Controller.class)
                        || c.isAnnotatedWith(ControllerAdvice.class));
        classes().that(controller).should().notBeAnnotatedWith(Transactional.class).check(MAIN);
        methods().that().areDeclaredInClassesThat(controller).should().notBeAnnotatedWith(Transactional.class)
                .check(MAIN);
        noClasses().that(controller).should().dependOnClassesThat().areAssignableTo(Repository.class)
                .orShould().dependOnClassesThat().areAssignableTo(EntityManager.class)
                .orShould().dependOnClassesThat().areAssignableTo(JdbcTemplate.class)
                .orShould().dependOnClassesThat().areAssignableTo(NamedParameterJdbcTemplate.class)
                .orShould().dependOnClassesThat().belongToAnyOf(ENGINE_SERVICES)
                .because("controllers translate HTTP; services hold transactions, data access and engine calls")
                .check(MAIN);
    }

    /** Which feature owns a table (by name or prefix); the features named in {@link #OWN_TABLES_ONLY} read only theirs. */
    static final Map<String, String> TABLE_OWNERS = Map.ofEntries(
            Map.entry("partner", "partners"), Map.entry("convention", "conventions"), Map.entry("dossier", "conventions"),
            Map.entry("quarterly_report", "reporting"), Map.entry("report_", "reporting"),
            Map.entry("reporting_notification", "reporting"), Map.entry("sidoffe_indicator", "reporting"),
            Map.entry("cps_support", "reporting"), Map.entry("osc_regularisation", "reporting"),
            Map.entry("departmental_review", "reviews"), Map.entry("national_review", "reviews"),
            Map.entry("review_", "reviews"), Map.entry("recommendation", "reviews"),
            Map.entry("overlap_flag", "dashboard"), Map.entry("letter", "letters"),
            Map.entry("funded_activity", "funding"), Map.entry("ptf_declaration", "funding"),
            Map.entry("campaign", "funding"), Map.entry("programme", "programmes"),
            Map.entry("coordination_", "coordination"));

    /** Features whose SQL names only their own tables (and shared/reference ones): they call *ReadQueries. */
    static final Set<String> OWN_TABLES_ONLY = Set.of("dashboard", "exports", "reviews");

    @Test
    void shouldReadOtherFeaturesTablesThroughTheirReadQueries() throws IOException {
        Pattern literal = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
        Pattern table = Pattern.compile("\\b(?:from|join|into|update)\\s+([a-z_]+)", Pattern.CASE_INSENSITIVE);
        List<String> found = new ArrayList<>();
        for (String feature : OWN_TABLES_ONLY) {
            Path dir = Path.of("src/main/java/bj/gouv/masm", feature);
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher strings = literal.matcher(Files.readString(file));
                    while (strings.find()) {
                        String sql = strings.group(1) != null ? strings.group(1) : strings.group(2);
                        Matcher m = table.matcher(sql);
                        while (m.find()) {
                            String name = m.group(1).toLowerCase(Locale.ROOT);
                            String owner = owner(name);
                            if (owner != null && !owner.equals(feature)) {
                                found.add(dir.relativize(file) + " (" + feature + ") reads " + name + " of " + owner);
                            }
                        }
                    }
                }
            }
        }
        assertThat(found).as("SQL on another feature's tables: call its *ReadQueries").isEmpty();
        assertThat(owner("report_activity")).isEqualTo("reporting");
        assertThat(owner("partner_department")).isEqualTo("partners");
        assertThat(owner("ref_department")).isNull();
    }

    /** The feature owning a table: an exact name, or a prefix followed by {@code _}; null for shared/reference. */
    static String owner(String table) {
        return TABLE_OWNERS.entrySet().stream()
                .filter(e -> table.equals(e.getKey()) || table.startsWith(e.getKey().endsWith("_") ? e.getKey()
                        : e.getKey() + "_"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static String feature(String packageName) {
        String rest = packageName.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
