package bj.gouv.masm.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import lombok.RequiredArgsConstructor;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a deployed model may contain (README, "Security and access" → "Deployment guard"). Reads the raw
 * XML of every BPMN and DMN file of a deployment and lists, in French, each element that could run code
 * the project did not ship: scripts (script task, listener or I/O mapping script, script condition,
 * {@code camunda:resource}), Java classes ({@code camunda:class}), HTML forms ({@code camunda:formKey}
 * other than a Camunda Form), connectors, and expressions that reach a Spring bean outside the
 * allow-list. A delegate expression must name an allowed bean (a typo is reported with the known
 * delegates). Forms referenced with binding {@code deployment} must be part of the deployment.
 *
 * <p>Pure logic, no engine: {@link ModelDeploymentGuard} applies it to every new deployment.
 */
@RequiredArgsConstructor
public final class ModelGuard {

    /** What the guard needs to know about the application's beans. */
    public interface BeanCatalogue {
        /** Beans a model may name: the {@code bj.gouv.masm.<feature>.process} beans and the configured extras. */
        Set<String> allowedBeans();

        /** Whether the name is any Spring bean of the application (allowed or not). */
        boolean isSpringBean(String name);
    }

    /** One refused element. */
    public record Problem(String resource, String element, String reason) {
        public String message() {
            return "« " + resource + " »" + (element == null ? "" : ", élément « " + element + " »") + " : " + reason;
        }
    }

    /** A Camunda Form referenced with binding "deployment", to be resolved against the deployment's forms. */
    public record FormReference(String resource, String element, String formId) {
    }

    /** The result of reading one deployment. */
    public record Report(List<Problem> problems, List<FormReference> formReferences, Set<String> formIds) {
    }

    static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    private static final Set<String> FORBIDDEN_EXTENSIONS = Set.of("html", "htm", "xhtml", "js", "mjs", "groovy",
            "py", "rb", "jar", "class", "sh", "bat", "ps1", "jsp");
    /** Names the engine resolves itself in an expression (never Spring beans). */
    static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "externalTask", "caseExecution",
            "authenticatedUserId", "variableScope", "connector");
    private static final Set<String> EL_KEYWORDS = Set.of("true", "false", "null", "empty", "not", "and", "or",
            "div", "mod", "eq", "ne", "lt", "gt", "le", "ge", "instanceof");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)\\}", Pattern.DOTALL);
    private static final Pattern SIMPLE_NAME = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_$][\\w$]*)\\s*\\}\\s*$");
    private static final Pattern FEEL_EXTERNAL = Pattern.compile("\\bexternal\\s*\\{");

    private final BeanCatalogue beans;
    private final ObjectMapper json = new ObjectMapper();

    /** Reads every resource of a deployment (name → content) and checks the form references across them. */
    public Report inspect(Map<String, byte[]> resources) {
        List<Problem> problems = new ArrayList<>();
        List<FormReference> references = new ArrayList<>();
        Set<String> formIds = new TreeSet<>();
        for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
            String name = resource.getKey();
            String lower = name.toLowerCase(Locale.ROOT);
            String extension = lower.contains(".") ? lower.substring(lower.lastIndexOf('.') + 1) : "";
            if (FORBIDDEN_EXTENSIONS.contains(extension)) {
                problems.add(new Problem(fileName(name), null, "ce type de fichier (." + extension
                        + ") n'est pas accepté dans un déploiement : ni formulaire HTML ni script. Utilisez un formulaire "
                        + "Camunda (.form) et les délégués du projet."));
            } else if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
                inspectBpmn(fileName(name), resource.getValue(), problems, references);
            } else if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
                inspectDmn(fileName(name), resource.getValue(), problems);
            } else if (lower.endsWith(".form")) {
                String id = formId(resource.getValue());
                if (id != null) {
                    formIds.add(id);
                }
            }
        }
        return new Report(problems, references, formIds);
    }

    /** The form references of the report whose form is not in the given set of form ids. */
    public static List<Problem> missingForms(Report report, Set<String> availableFormIds) {
        List<Problem> missing = new ArrayList<>();
        for (FormReference reference : report.formReferences()) {
            if (!availableFormIds.contains(reference.formId())) {
                missing.add(new Problem(reference.resource(), reference.element(), "le formulaire « "
                        + reference.formId() + " » (camunda:formRefBinding=\"deployment\") manque dans ce déploiement "
                        + "et n'a jamais été déployé : ajoutez son fichier .form au déploiement (Camunda Modeler : "
                        + "« Include additional files »)."));
            }
        }
        return missing;
    }

    // ---- BPMN ----

    private void inspectBpmn(String resource, byte[] content, List<Problem> problems, List<FormReference> references) {
        Document document = parse(resource, content, problems);
        if (document == null) {
            return;
        }
        walk(document.getDocumentElement(), element -> inspectBpmnElement(resource, element, problems, references));
    }

    private void inspectBpmnElement(String resource, Element element, List<Problem> problems,
                                    List<FormReference> references) {
        String local = localName(element);
        String where = elementName(element);
        boolean camunda = CAMUNDA_NS.equals(element.getNamespaceURI());
        if ("scriptTask".equals(local)) {
            problems.add(new Problem(resource, where, "tâche de script : les scripts ne sont pas autorisés dans les "
                    + "modèles. Utilisez une tâche de service avec un délégué du projet."));
        }
        if (camunda && "script".equals(local)) {
            problems.add(new Problem(resource, where, scriptKind(element) + " : les scripts ne sont pas autorisés "
                    + "dans les modèles. Utilisez une expression ou un délégué du projet."));
        }
        if (camunda && "connector".equals(local)) {
            problems.add(new Problem(resource, where, "connecteur (camunda:connector) : les appels de services externes "
                    + "depuis un modèle ne sont pas autorisés."));
        }
        if (("conditionExpression".equals(local) || "condition".equals(local) || "script".equals(local))
                && !camunda && (element.hasAttribute("language"))) {
            problems.add(new Problem(resource, where, "condition en script (language=\"" + element.getAttribute("language")
                    + "\") : écrivez la condition comme une expression ${...} sur les variables."));
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            String value = attribute.getValue();
            // camunda:class="..." on a task, or class="..." (no prefix) on a camunda:taskListener
            boolean camundaAttribute = CAMUNDA_NS.equals(attribute.getNamespaceURI())
                    || (attribute.getNamespaceURI() == null && camunda);
            if (camundaAttribute && ("class".equals(name) || "variableMappingClass".equals(name))) {
                problems.add(new Problem(resource, where, "classe Java « " + value + " » (camunda:" + name + ") : "
                        + "les classes ne sont pas autorisées dans les modèles. Utilisez un délégué du projet : "
                        + "camunda:delegateExpression=\"${nomDuDelegue}\"."));
            } else if (camundaAttribute && "resource".equals(name)) {
                problems.add(new Problem(resource, where, "script externe « " + value + " » (camunda:resource) : "
                        + "les scripts ne sont pas autorisés dans les modèles."));
            } else if ("scriptFormat".equals(name) && !"scriptTask".equals(local) && !"script".equals(local)) {
                problems.add(new Problem(resource, where, "script (scriptFormat=\"" + value + "\") : les scripts ne sont "
                        + "pas autorisés dans les modèles."));
            } else if (camundaAttribute && "formKey".equals(name)) {
                if (!value.trim().startsWith("camunda-forms:")) {
                    problems.add(new Problem(resource, where, "formulaire « " + value + " » (camunda:formKey) : les "
                            + "formulaires HTML (embedded:, app:, externes) ne sont pas autorisés. Utilisez un formulaire "
                            + "Camunda : camunda:formRef=\"...\" avec camunda:formRefBinding=\"deployment\"."));
                }
            } else if (camundaAttribute && ("delegateExpression".equals(name)
                    || "variableMappingDelegateExpression".equals(name))) {
                checkDelegate(resource, where, value, problems);
                continue;
            } else if (camundaAttribute && "formRef".equals(name)) {
                String binding = element.getAttributeNS(CAMUNDA_NS, "formRefBinding");
                if ("deployment".equals(binding) && !value.contains("${") && !value.contains("#{")) {
                    references.add(new FormReference(resource, where, value.trim()));
                }
            }
            checkExpressions(resource, where, value, problems);
        }
        // text content of this element only (children are visited on their own)
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                checkExpressions(resource, where, child.getNodeValue(), problems);
            }
        }
    }

    private static String scriptKind(Element script) {
        Node parent = script.getParentNode();
        String kind = parent instanceof Element p ? localName(p) : "";
        return switch (kind) {
            case "executionListener" -> "script d'écouteur d'exécution";
            case "taskListener" -> "script d'écouteur de tâche";
            case "inputParameter" -> "script de paramètre d'entrée";
            case "outputParameter" -> "script de paramètre de sortie";
            default -> "script";
        };
    }

    private void checkDelegate(String resource, String where, String value, List<Problem> problems) {
        Set<String> allowed = beans.allowedBeans();
        Matcher simple = SIMPLE_NAME.matcher(value);
        if (simple.matches() && allowed.contains(simple.group(1))) {
            return;
        }
        if (!simple.matches()) {
            // e.g. ${recommendationFollowUps.listener()}: its root must be an allowed bean, and the rest is checked
            String root = rootIdentifier(value);
            if (root != null && allowed.contains(root)) {
                checkExpressions(resource, where, value, problems);
                return;
            }
        }
        String named = simple.matches() ? simple.group(1) : value.trim();
        String suggestion = closest(named, allowed);
        problems.add(new Problem(resource, where, "« " + named + " » n'est pas un délégué connu"
                + (suggestion == null ? "" : " (vouliez-vous dire « " + suggestion + " » ?)")
                + ". Délégués et écouteurs connus : " + String.join(", ", delegatesFirst(allowed)) + "."));
    }

    // ---- DMN ----

    private void inspectDmn(String resource, byte[] content, List<Problem> problems) {
        Document document = parse(resource, content, problems);
        if (document == null) {
            return;
        }
        walk(document.getDocumentElement(), element -> {
            String language = element.getAttribute("expressionLanguage");
            if (!language.isBlank() && !isFeel(language) && !isJuel(language)) {
                problems.add(new Problem(resource, elementName(element), "langage « " + language + " » : seuls FEEL "
                        + "(le langage par défaut) et JUEL sont autorisés dans les tables de décision, pas les scripts."));
            }
            if ("text".equals(localName(element))) {
                String text = element.getTextContent();
                String effective = effectiveLanguage(element);
                if (isJuel(effective)) {
                    checkExpressions(resource, elementName(element),
                            text.contains("${") || text.contains("#{") ? text : "${" + text + "}", problems);
                } else if (text != null && FEEL_EXTERNAL.matcher(text).find()) {
                    problems.add(new Problem(resource, elementName(element), "fonction externe FEEL : les appels "
                            + "de classes Java ne sont pas autorisés dans les tables de décision."));
                }
            }
        });
    }

    private static String effectiveLanguage(Element element) {
        for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
            if (!e.getAttribute("expressionLanguage").isBlank()) {
                return e.getAttribute("expressionLanguage");
            }
        }
        return "feel";
    }

    private static boolean isFeel(String language) {
        return language.toLowerCase(Locale.ROOT).contains("feel");
    }

    private static boolean isJuel(String language) {
        return "juel".equalsIgnoreCase(language.trim());
    }

    // ---- expressions ----

    /** Checks each ${...} / #{...} of a text: no member access on a Spring bean outside the allow-list. */
    void checkExpressions(String resource, String where, String text, List<Problem> problems) {
        if (text == null || (!text.contains("${") && !text.contains("#{"))) {
            return;
        }
        Matcher matcher = EXPRESSION.matcher(text);
        while (matcher.find()) {
            for (String refused : refusedBeans(matcher.group(1))) {
                problems.add(new Problem(resource, where, "l'expression « " + matcher.group().trim() + " » appelle « "
                        + refused + " », un composant interne de l'application qui n'est pas accessible aux modèles. "
                        + "Seuls les variables du dossier, les fonctions d'expression (now(), dateTime(), currentUser()…) "
                        + "et les composants autorisés (délégués et aides du projet) le sont."));
            }
        }
    }

    /** Root identifiers of an expression body used as an object (a.b, a.b(), a[...]) that are non-allowed beans. */
    List<String> refusedBeans(String body) {
        List<String> refused = new ArrayList<>();
        Set<String> allowed = beans.allowedBeans();
        int i = 0;
        int n = body.length();
        char previous = 0;
        while (i < n) {
            char c = body.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipString(body, i);
                previous = c;
                continue;
            }
            if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < n && Character.isJavaIdentifierPart(body.charAt(i))) {
                    i++;
                }
                String identifier = body.substring(start, i);
                int next = skipSpaces(body, i);
                char after = next < n ? body.charAt(next) : 0;
                boolean member = previous == '.';
                boolean call = after == '(';
                boolean prefix = after == ':' && next + 1 < n && Character.isJavaIdentifierStart(
                        body.charAt(skipSpaces(body, next + 1))) && isFunctionAfterPrefix(body, next + 1);
                boolean dereferenced = after == '.' || after == '[';
                if (!member && !call && !prefix && dereferenced && !EL_KEYWORDS.contains(identifier)
                        && !ENGINE_NAMES.contains(identifier) && !allowed.contains(identifier)
                        && beans.isSpringBean(identifier)) {
                    refused.add(identifier);
                }
                previous = 'a';
                continue;
            }
            if (!Character.isWhitespace(c)) {
                previous = c;
            }
            i++;
        }
        return refused;
    }

    private static boolean isFunctionAfterPrefix(String body, int from) {
        int i = skipSpaces(body, from);
        while (i < body.length() && Character.isJavaIdentifierPart(body.charAt(i))) {
            i++;
        }
        i = skipSpaces(body, i);
        return i < body.length() && body.charAt(i) == '(';
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipString(String text, int from) {
        char quote = text.charAt(from);
        int i = from + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                return i + 1;
            }
            i++;
        }
        return i;
    }

    private static String rootIdentifier(String expression) {
        Matcher matcher = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_$][\\w$]*)").matcher(expression);
        return matcher.find() ? matcher.group(1) : null;
    }

    // ---- helpers ----

    private static List<String> delegatesFirst(Set<String> allowed) {
        return allowed.stream().sorted(Comparator.comparing((String s) -> !(s.endsWith("Delegate")
                || s.endsWith("Listener"))).thenComparing(Comparator.naturalOrder())).toList();
    }

    static String closest(String name, Set<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = levenshtein(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return best != null && bestDistance <= Math.max(2, name.length() / 5) ? best : null;
    }

    private static int levenshtein(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1),
                        diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }

    private String formId(byte[] content) {
        try {
            JsonNode node = json.readTree(content);
            return node != null && node.hasNonNull("id") ? node.get("id").asText() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static Document parse(String resource, byte[] content, List<Problem> problems) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(content));
        } catch (Exception e) {
            problems.add(new Problem(resource, null, "le fichier n'est pas un XML lisible (" + e.getMessage() + ")."));
            return null;
        }
    }

    private static void walk(Element element, java.util.function.Consumer<Element> visitor) {
        visitor.accept(element);
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                walk(child, visitor);
            }
        }
    }

    private static String localName(Element element) {
        return element.getLocalName() == null ? element.getTagName() : element.getLocalName();
    }

    /** The nearest element with an id (a listener or a script has none: its task's id). */
    private static String elementName(Element element) {
        for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
            if (!e.getAttribute("id").isBlank()) {
                String name = e.getAttribute("name");
                return e.getAttribute("id") + (name.isBlank() ? "" : " (" + name + ")");
            }
        }
        return localName(element);
    }

    private static String fileName(String resourceName) {
        int slash = Math.max(resourceName.lastIndexOf('/'), resourceName.lastIndexOf('\\'));
        return slash < 0 ? resourceName : resourceName.substring(slash + 1);
    }

    /** Problems grouped as the French message of a refused deployment. */
    public static String refusal(List<Problem> problems) {
        Map<String, Problem> unique = new LinkedHashMap<>();
        problems.forEach(p -> unique.putIfAbsent(p.message(), p));
        return "Déploiement refusé, rien n'a été déployé. " + String.join(" — ", unique.keySet());
    }
}
