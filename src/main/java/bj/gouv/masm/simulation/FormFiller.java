package bj.gouv.masm.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * What a Camunda Form (form-js JSON, as deployed) submits from Tasklist: one variable per keyed,
 * visible, editable component — strings for text, radio and select values and dates ({@code YYYY-MM-DD}),
 * booleans for checkboxes, numbers, JSON for checklists, tag lists and dynamic lists. Field keys, types,
 * options, required flags, min/max and lengths are read from the form; the values come from the
 * simulation's behaviour ({@link Decisions}), or are generic when the behaviour has no opinion.
 * Read-only and disabled fields are not submitted (they show process data); fields hidden by a simple
 * {@code conditional.hide} expression ({@code =key = value}, {@code =key != value}) are not submitted either.
 */
@RequiredArgsConstructor
public final class FormFiller {

    /** The behaviour's say on a field; null = no opinion (a generic value is used). */
    public interface Decisions {
        Object value(String key, String type, List<String> options);

        /** A cell of a dynamic list's row; null = no opinion. */
        default Object cell(String path, String key, String type) {
            return null;
        }

        /** Number of rows of a dynamic list; null = no opinion. */
        Integer rows(String path, List<String> columnKeys, int optionsOfFirstSelect);
    }

    private static final Pattern CONDITION = Pattern.compile("^=\\s*([A-Za-z_][\\w]*)\\s*(!=|=)\\s*\"?([^\"]*?)\"?\\s*$");

    private final ObjectMapper mapper;

    public Map<String, Object> fill(JsonNode form, Decisions decisions, LocalDate today, Random random,
                                    Function<String, List<String>> dynamicOptions) {
        return fill(form, decisions, today, random, dynamicOptions, false);
    }

    /** @param everyField also fill the optional fields (a clerk's second try after a refusal) */
    public Map<String, Object> fill(JsonNode form, Decisions decisions, LocalDate today, Random random,
                                    Function<String, List<String>> dynamicOptions, boolean everyField) {
        Map<String, Object> plain = new LinkedHashMap<>();
        fillComponents(form.path("components"), plain, decisions, today, random, dynamicOptions, everyField);
        Map<String, Object> variables = new LinkedHashMap<>();
        plain.forEach((key, value) -> variables.put(key, value instanceof JsonNode json
                ? SpinValues.jsonValue(json.toString()).create() : value));
        return variables;
    }

    private void fillComponents(JsonNode components, Map<String, Object> values, Decisions decisions, LocalDate today,
                                Random random, Function<String, List<String>> dynamicOptions, boolean everyField) {
        for (JsonNode c : components) {
            String type = c.path("type").asText();
            if (c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false) || hidden(c, values)) {
                continue;
            }
            if ("group".equals(type)) {
                fillComponents(c.path("components"), values, decisions, today, random, dynamicOptions, everyField);
                continue;
            }
            if ("dynamiclist".equals(type)) {
                String path = c.path("path").asText(null);
                if (path != null) {
                    values.put(path, dynamicList(c, path, decisions, today, random, dynamicOptions));
                }
                continue;
            }
            String key = c.path("key").asText(null);
            if (key == null || key.isEmpty()) {
                continue;
            }
            boolean required = everyField || c.path("validate").path("required").asBoolean(false);
            List<String> options = options(c, dynamicOptions);
            Object decided = decisions.value(key, type, options);
            if (decided != null) {
                values.put(key, decided);
                continue;
            }
            Object generic = generic(c, type, key, options, required, today, random, false);
            if (generic != null) {
                values.put(key, generic);
            }
        }
    }

    private ArrayNode dynamicList(JsonNode list, String path, Decisions decisions, LocalDate today, Random random,
                                  Function<String, List<String>> dynamicOptions) {
        List<String> columns = new ArrayList<>();
        List<String> firstSelectOptions = null;
        for (JsonNode c : list.path("components")) {
            if (c.hasNonNull("key")) {
                columns.add(c.path("key").asText());
                if (firstSelectOptions == null && "select".equals(c.path("type").asText())) {
                    firstSelectOptions = options(c, dynamicOptions);
                }
            }
        }
        Integer decided = decisions.rows(path, columns, firstSelectOptions == null ? 0 : firstSelectOptions.size());
        int rows = decided != null ? decided : random.nextInt(3);
        ArrayNode array = mapper.createArrayNode();
        // distinct choices of the first select across rows (e.g. one row per indicator code)
        List<String> distinct = firstSelectOptions == null ? List.of() : new ArrayList<>(firstSelectOptions);
        Collections.shuffle(distinct, random);
        for (int i = 0; i < rows; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            boolean firstSelect = true;
            for (JsonNode c : list.path("components")) {
                String key = c.path("key").asText(null);
                String type = c.path("type").asText();
                if (key == null || c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false)) {
                    continue;
                }
                if (firstSelect && "select".equals(type) && !distinct.isEmpty()) {
                    row.put(key, distinct.get(i % distinct.size()));
                    firstSelect = false;
                    continue;
                }
                boolean required = c.path("validate").path("required").asBoolean(false);
                if (!required) {
                    continue; // optional cells left empty, as a hurried clerk does
                }
                Object cell = decisions.cell(path, key, type);
                if (cell != null) {
                    row.put(key, cell);
                    continue;
                }
                Object value = generic(c, type, key, options(c, dynamicOptions), true, today, random, true);
                if (value != null) {
                    row.put(key, value);
                }
            }
            array.add(mapper.valueToTree(row));
        }
        return array;
    }

    private Object generic(JsonNode c, String type, String key, List<String> options, boolean required,
                           LocalDate today, Random random, boolean inList) {
        JsonNode validate = c.path("validate");
        JsonNode defaultValue = c.get("defaultValue");
        switch (type) {
            case "textfield", "textarea" -> {
                if (defaultValue != null && defaultValue.isTextual()) {
                    return defaultValue.asText();
                }
                if (!required && random.nextInt(3) > 0) {
                    return null;
                }
                if ("email".equals(validate.path("validationType").asText())) {
                    return "contact@simulation.invalid";
                }
                String text = "Saisie simulée (" + key + ")";
                int max = validate.path("maxLength").asInt(0);
                return max > 0 && text.length() > max ? text.substring(0, max) : text;
            }
            case "number" -> {
                if (!required && !inList && random.nextBoolean()) {
                    return null;
                }
                long min = validate.has("min") ? validate.path("min").asLong() : 0;
                long max = validate.has("max") ? validate.path("max").asLong() : Math.max(min + 1, 500);
                return min + (long) (random.nextDouble() * (max - min + 1));
            }
            case "checkbox" -> {
                return defaultValue != null && defaultValue.isBoolean() ? defaultValue.asBoolean() : random.nextBoolean();
            }
            case "radio", "select" -> {
                if (defaultValue != null && defaultValue.isTextual()) {
                    return defaultValue.asText();
                }
                if (options.isEmpty() || (!required && random.nextBoolean())) {
                    return null;
                }
                return options.get(random.nextInt(options.size()));
            }
            case "checklist", "taglist" -> {
                ArrayNode array = mapper.createArrayNode();
                for (String option : options) {
                    if (random.nextBoolean()) {
                        array.add(option);
                    }
                }
                if (array.isEmpty() && !options.isEmpty()) {
                    array.add(options.get(0));
                }
                return array;
            }
            case "datetime" -> {
                if (!required) {
                    return null;
                }
                LocalDate date = key.toLowerCase().contains("due") ? today.plusMonths(3) : today;
                return date.toString();
            }
            default -> {
                return null;
            }
        }
    }

    /** Options of a radio/select/checklist/taglist: static values, or the process variable named by valuesKey. */
    static List<String> options(JsonNode c, Function<String, List<String>> dynamicOptions) {
        List<String> options = new ArrayList<>();
        for (JsonNode v : c.path("values")) {
            options.add(v.path("value").asText());
        }
        if (options.isEmpty() && c.hasNonNull("valuesKey")) {
            options.addAll(dynamicOptions.apply(c.path("valuesKey").asText()));
        }
        return options;
    }

    /** Options held by a process variable: a list of {label, value} objects or of plain values. */
    public static List<String> optionValues(Object variable, ObjectMapper mapper) {
        if (variable == null) {
            return List.of();
        }
        JsonNode node;
        try {
            node = variable instanceof String s ? mapper.readTree(s) : mapper.readTree(variable.toString());
        } catch (Exception e) {
            node = mapper.valueToTree(variable);
        }
        List<String> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            for (JsonNode item : node) {
                values.add(item.isObject() ? item.path("value").asText() : item.asText());
            }
        }
        return values;
    }

    static boolean hidden(JsonNode c, Map<String, Object> values) {
        String hide = c.path("conditional").path("hide").asText(null);
        if (hide == null) {
            return false;
        }
        Matcher m = CONDITION.matcher(hide.trim());
        if (!m.matches()) {
            return false;
        }
        Object value = values.get(m.group(1));
        String actual = value == null ? "null" : value instanceof ObjectNode ? value.toString() : String.valueOf(value);
        boolean equal = actual.equals(m.group(3));
        return "=".equals(m.group(2)) == equal;
    }
}
