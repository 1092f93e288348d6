package bj.gouv.masm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The deployment guard's reading of models, without an engine (DeploymentGuardTests drives it over REST). */
class ModelGuardTests {

    private static final Set<String> ALLOWED = Set.of("registerConventionDelegate", "reportingPeriods",
            "prepareTaskContextListener", "recommendationFollowUps", "reviewCalendarDepartments");
    private static final Set<String> BEANS = Set.of("identityService", "runtimeService", "conventionService",
            "applicationContext", "dataSource");

    private final ModelGuard guard = new ModelGuard(new ModelGuard.BeanCatalogue() {
        @Override
        public Set<String> allowedBeans() {
            return ALLOWED;
        }

        @Override
        public boolean isSpringBean(String name) {
            return ALLOWED.contains(name) || BEANS.contains(name);
        }
    });

    private List<String> refused(String expression) {
        return guard.refusedBeans(expression);
    }

    @Test
    void shouldTellVariablesAndFunctionsFromInternalBeans() {
        assertThat(refused("identityService.createMembership('analyst', 'camunda-admin')")).containsExactly("identityService");
        assertThat(refused("x == null ? runtimeService.createMessageCorrelation('m') : 1")).containsExactly("runtimeService");
        assertThat(refused("applicationContext['dataSource']")).containsExactly("applicationContext");
        assertThat(refused("partner.name")).isEmpty();
        assertThat(refused("department.toLowerCase()")).isEmpty();
        assertThat(refused("partnerKind == 'OSC' ? cpsGroup : 'dpaf'")).isEmpty();
        assertThat(refused("execution.getVariable('x')")).isEmpty();
        assertThat(refused("reportingPeriods.afterQuarterEnd(quarter, 'P30D')")).isEmpty();
        assertThat(refused("now()")).isEmpty();
        assertThat(refused("dateTime().plusDays(3).toDate()")).isEmpty();
        assertThat(refused("'identityService.createUser(1)'")).as("inside a string").isEmpty();
        assertThat(refused("identityService")).as("a bare name resolves to a variable or nothing").isEmpty();
    }

    @Test
    void shouldRefuseScriptsAndBeansInDecisionTables() {
        String dmn = """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="D" name="D" namespace="x">
                  <decision id="Decision_Test" name="Test">
                    <decisionTable id="DecisionTable_Test">
                      <input id="Input_1"><inputExpression id="InputExpression_1" typeRef="string" expressionLanguage="javascript"><text>1</text></inputExpression></input>
                      <input id="Input_2"><inputExpression id="InputExpression_2" typeRef="string" expressionLanguage="juel"><text>${conventionService.find('x')}</text></inputExpression></input>
                      <output id="Output_1" name="o" typeRef="string"/>
                      <rule id="Rule_1"><inputEntry id="InputEntry_1"><text>-</text></inputEntry><inputEntry id="InputEntry_2"><text>-</text></inputEntry>
                        <outputEntry id="OutputEntry_1"><text>"ok"</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>""";

        List<ModelGuard.Problem> problems = guard.inspect(Map.of("Test.dmn", dmn.getBytes(StandardCharsets.UTF_8))).problems();

        assertThat(problems).extracting(ModelGuard.Problem::element)
                .anyMatch(e -> e.startsWith("InputExpression_1")).anyMatch(e -> e.startsWith("InputExpression_2"));
        assertThat(problems).extracting(ModelGuard.Problem::reason)
                .anyMatch(r -> r.contains("javascript")).anyMatch(r -> r.contains("« conventionService »"));
    }

    @Test
    void shouldRefuseHtmlAndScriptFiles() {
        assertThat(guard.inspect(Map.of("forms/prise.html", new byte[0], "outil.js", new byte[0])).problems())
                .hasSize(2);
    }

    @Test
    void shouldPassEveryShippedModelAndForm() throws Exception {
        Map<String, byte[]> resources = new LinkedHashMap<>();
        for (String folder : List.of("processes", "forms")) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.toList()) {
                    resources.put(file.getFileName().toString(), Files.readAllBytes(file));
                }
            }
        }
        ModelGuard permissive = new ModelGuard(new ModelGuard.BeanCatalogue() {
            @Override
            public Set<String> allowedBeans() {
                return Set.of();
            }

            @Override
            public boolean isSpringBean(String name) {
                return false;
            }
        });

        ModelGuard.Report report = permissive.inspect(resources);

        // only the delegate names are unknown to an empty catalogue; nothing else is refused, and every form is there
        assertThat(report.problems()).allSatisfy(p -> assertThat(p.reason()).contains("n'est pas un délégué connu"));
        assertThat(ModelGuard.missingForms(report, report.formIds())).isEmpty();
    }
}
