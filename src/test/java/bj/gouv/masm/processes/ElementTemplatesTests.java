package bj.gouv.masm.processes;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.support.IntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Camunda Modeler element templates of modeler/element-templates/ match the models and the
 * code: every delegate or listener bean a model of processes/ calls ({@code delegateExpression})
 * has a template (so an analyst picks it from a menu instead of typing it), and every template names
 * a bean that exists in the Spring context, in a {@code process} package. Reads processes/ at run
 * time: a delegate added by anyone shows up here until its template exists.
 */
class ElementTemplatesTests extends IntegrationTestBase {

    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    private static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{([A-Za-z_][A-Za-z0-9_]*)}$");
    private static final Set<String> BINDINGS = Set.of("property", "camunda:property", "camunda:inputParameter",
            "camunda:outputParameter", "camunda:in", "camunda:in:businessKey", "camunda:out",
            "camunda:executionListener", "camunda:field", "camunda:errorEventDefinition");

    @Autowired
    ApplicationContext context;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldHaveATemplateForEveryBeanTheModelsCall() throws Exception {
        Map<String, String> templates = templatesByBean();
        Map<String, String> missing = new TreeMap<>();
        usedBeans().forEach((bean, where) -> {
            if (!templates.containsKey(bean)) {
                missing.put(bean, where);
            }
        });
        assertThat(missing).as("beans called by processes/ without a template in modeler/element-templates/ "
                + "(bean → where it is used)").isEmpty();
    }

    @Test
    void shouldNameOnlyBeansThatExistInProcessPackages() throws IOException {
        Map<String, String> wrong = new TreeMap<>();
        templatesByBean().forEach((bean, file) -> {
            if (!context.containsBean(bean)) {
                wrong.put(bean, file + ": no such bean");
            } else {
                String type = AopUtils.getTargetClass(context.getBean(bean)).getName();
                if (!type.matches("bj\\.gouv\\.masm\\.[a-z.]+\\.process\\.[A-Za-z0-9]+")) {
                    wrong.put(bean, file + ": " + type + " is not in a process package");
                }
            }
        });
        assertThat(wrong).as("templates naming a bean the application does not offer to models").isEmpty();
    }

    @Test
    void shouldDescribeEveryTemplateInFrenchWithItsInputFields() throws Exception {
        Map<String, Set<String>> inputsByBean = new TreeMap<>();
        for (Path file : templateFiles()) {
            for (JsonNode template : json.readTree(file.toFile())) {
                String id = template.path("id").asText();
                assertThat(id).as(file + " id").startsWith("bj.gouv.masm.");
                assertThat(template.path("name").asText()).as(id + " name").isNotBlank();
                assertThat(template.path("description").asText()).as(id + " description")
                        .matches("(?s).*(é|è|à|ê|ç| le | la | les | des | du | et ).*");
                assertThat(template.path("appliesTo")).as(id + " appliesTo").isNotEmpty();
                assertThat(template.has("properties")).as(id + " properties").isTrue();
                Set<String> inputs = new TreeSet<>();
                for (JsonNode property : template.path("properties")) {
                    String binding = property.path("binding").path("type").asText();
                    assertThat(BINDINGS).as(id + " binding").contains(binding);
                    if ("camunda:inputParameter".equals(binding)) {
                        inputs.add(property.path("binding").path("name").asText());
                        assertThat(property.path("label").asText()).as(id + " input label").isNotBlank();
                    }
                }
                inputsByBean.put(beanOf(template), inputs);
            }
        }
        // every input parameter a model sets on a delegate's task is a field of that delegate's template
        Map<String, String> undeclared = new TreeMap<>();
        for (Path model : models()) {
            Document document = parse(model);
            NodeList all = document.getElementsByTagNameNS("*", "*");
            for (int i = 0; i < all.getLength(); i++) {
                Element element = (Element) all.item(i);
                String bean = beanName(element.getAttributeNS(CAMUNDA_NS, "delegateExpression"));
                if (bean == null || !element.getLocalName().endsWith("Task")) {
                    continue;
                }
                NodeList parameters = element.getElementsByTagNameNS(CAMUNDA_NS, "inputParameter");
                for (int p = 0; p < parameters.getLength(); p++) {
                    String name = ((Element) parameters.item(p)).getAttribute("name");
                    if (!inputsByBean.getOrDefault(bean, Set.of()).contains(name)) {
                        undeclared.put(bean + "." + name, model.getFileName() + "#" + element.getAttribute("id"));
                    }
                }
            }
        }
        assertThat(undeclared).as("input parameters of the models missing from the delegate's template").isEmpty();
    }

    /** bean → first place a model of processes/ calls it as a delegate or listener. */
    private Map<String, String> usedBeans() throws Exception {
        Map<String, String> used = new TreeMap<>();
        for (Path model : models()) {
            Document document = parse(model);
            NodeList all = document.getElementsByTagNameNS("*", "*");
            for (int i = 0; i < all.getLength(); i++) {
                Element element = (Element) all.item(i);
                String bean = beanName(element.getAttributeNS(CAMUNDA_NS, "delegateExpression"));
                if (bean == null) {
                    bean = beanName(element.getAttribute("delegateExpression"));
                }
                if (bean != null) {
                    Element owner = element;
                    while (owner != null && !owner.hasAttribute("id")) {
                        owner = owner.getParentNode() instanceof Element parent ? parent : null;
                    }
                    used.putIfAbsent(bean, model.getFileName() + "#" + (owner == null ? "?" : owner.getAttribute("id")));
                }
            }
        }
        assertThat(used).as("delegates found in processes/").isNotEmpty();
        return used;
    }

    /** bean → template file. */
    private Map<String, String> templatesByBean() throws IOException {
        Map<String, String> beans = new TreeMap<>();
        for (Path file : templateFiles()) {
            JsonNode templates = json.readTree(file.toFile());
            assertThat(templates.isArray()).as(file + " holds a list of templates").isTrue();
            for (JsonNode template : templates) {
                String bean = beanOf(template);
                assertThat(beans.put(bean, file.getFileName().toString())).as("two templates for " + bean).isNull();
            }
        }
        return beans;
    }

    /**
     * The bean of a template: its id is {@code bj.gouv.masm.<feature>.<bean>}; a delegate or execution
     * listener template must also set exactly that expression.
     */
    private static String beanOf(JsonNode template) {
        String id = template.path("id").asText();
        String bean = id.substring(id.lastIndexOf('.') + 1);
        for (JsonNode property : template.path("properties")) {
            JsonNode binding = property.path("binding");
            boolean delegate = "property".equals(binding.path("type").asText())
                    && "camunda:delegateExpression".equals(binding.path("name").asText());
            boolean listener = "camunda:executionListener".equals(binding.path("type").asText());
            if (delegate || listener) {
                assertThat(property.path("value").asText()).as(id + " expression").isEqualTo("${" + bean + "}");
            }
        }
        return bean;
    }

    private static String beanName(String expression) {
        if (expression == null || expression.isBlank()) {
            return null;
        }
        Matcher matcher = BEAN_EXPRESSION.matcher(expression.trim());
        return matcher.matches() ? matcher.group(1) : null;
    }

    private static Document parse(Path model) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(model.toFile());
    }

    private static List<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    private static List<Path> templateFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("modeler", "element-templates"))) {
            List<Path> list = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            assertThat(list).as("modeler/element-templates/*.json").isNotEmpty();
            return list;
        }
    }
}
