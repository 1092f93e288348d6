package bj.gouv.masm.shared;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The one reader of what a form submitted (README, "One rule, one place"): values come typed from the API, or as
 * strings / JSON from Tasklist's Camunda Forms (dates {@code yyyy-MM-dd}, numbers, dynamic lists and checklists
 * as Json variables). A bad value is refused with a French message naming the field, as the feature's
 * {@link FormInputException} (the task stays open, REST answers 400). Not a bean: each feature keeps one
 * instance, built with its exception, e.g. {@code new FormInput(LifecycleInputException::new)}.
 */
@RequiredArgsConstructor
public final class FormInput {

    /** The feature's refusal: field (form key, may be null) and French message → its exception. */
    @FunctionalInterface
    public interface Refusal {
        FormInputException of(String field, String message);
    }

    /** Java time values as ISO text, as the application's own mapper writes them. */
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    /** Longest free text a lifecycle form field takes. */
    public static final int MAX_TEXT = 2000;

    private final Refusal refusal;

    private FormInputException refuse(String field, String message) {
        return refusal.of(field, message);
    }

    // ----- variables of a task or an execution, by key -----

    public String optionalText(VariableScope scope, String key) {
        return optionalText(scope.getVariable(key));
    }

    public String requiredText(VariableScope scope, String key, String label) {
        String text = optionalText(scope, key);
        if (text == null) {
            throw refuse(key, "Le champ « " + label + " » est obligatoire.");
        }
        if (text.length() > MAX_TEXT) {
            throw refuse(key, "Le champ « " + label + " » est trop long (" + MAX_TEXT + " caractères au plus).");
        }
        return text;
    }

    public boolean requiredBoolean(VariableScope scope, String key, String label) {
        Object value = scope.getVariable(key);
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw refuse(key, "Répondez par oui ou non à « " + label + " ».");
    }

    public <E extends Enum<E>> E requiredEnum(VariableScope scope, String key, Class<E> type, String label,
                                              String choices) {
        Object value = scope.getVariable(key);
        if (value != null) {
            try {
                return Enum.valueOf(type, value.toString().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // refused below
            }
        }
        throw refuse(key, "Choisissez « " + label + " » parmi : " + choices + ".");
    }

    public int requiredInteger(VariableScope scope, String key, String label, int min, int max) {
        Object value = scope.getVariable(key);
        Integer number = null;
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            number = n.intValue();
        } else if (value instanceof String s) {
            try {
                number = Integer.valueOf(s.trim());
            } catch (NumberFormatException e) {
                // refused below
            }
        }
        if (number == null || number < min || number > max) {
            throw refuse(key, "« " + label + " » doit être un nombre entier entre " + min + " et " + max + ".");
        }
        return number;
    }

    /** A date field that must hold a date; missing or unreadable: « label » doit être une date. */
    public LocalDate requiredDate(VariableScope scope, String key, String label) {
        LocalDate date;
        try {
            date = date(scope.getVariable(key));
        } catch (DateTimeParseException e) {
            date = null;
        }
        if (date == null) {
            throw refuse(key, "« " + label + " » doit être une date (jj/mm/aaaa).");
        }
        return date;
    }

    // ----- values already read -----

    public static String optionalText(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    public String requiredText(Object value, String label, int maxLength) {
        String text = optionalText(value);
        if (text == null) {
            throw refuse(null, "« " + label + " » est obligatoire.");
        }
        if (text.length() > maxLength) {
            throw refuse(null, "« " + label + " » est trop long (" + maxLength + " caractères au plus).");
        }
        return text;
    }

    public LocalDate requiredDate(Object value, String label) {
        LocalDate date = optionalDate(value, label);
        if (date == null) {
            throw refuse(null, "« " + label + " » est obligatoire.");
        }
        return date;
    }

    public LocalDate optionalDate(Object value, String label) {
        try {
            return date(value);
        } catch (DateTimeParseException e) {
            throw refuse(null, "« " + label + " » n'est pas une date valide (attendu AAAA-MM-JJ) : "
                    + value.toString().trim());
        }
    }

    /** A date from a form: a Date (midnight in the application's zone), a LocalDate or {@code yyyy-MM-dd...}. */
    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof Date date) {
            return date.toInstant().atZone(MasmTimeZone.zone()).toLocalDate();
        }
        String text = value.toString().trim();
        if (text.isEmpty()) {
            return null;
        }
        return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    }

    public int requiredPositiveInteger(Object value, String label) {
        if (value == null || value.toString().isBlank()) {
            throw refuse(null, "« " + label + " » est obligatoire.");
        }
        double number;
        try {
            number = value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().trim());
        } catch (NumberFormatException e) {
            throw refuse(null, "« " + label + " » doit être un nombre entier : " + value);
        }
        if (number != Math.rint(number) || number < 1 || number > 100_000) {
            throw refuse(null, "« " + label + " » doit être un nombre entier positif (au moins 1).");
        }
        return (int) number;
    }

    /** A whole number or nothing; otherwise {@code message}. */
    public Long optionalLong(Object value, String message) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Number n) {
            if (n.doubleValue() != Math.floor(n.doubleValue())) {
                throw refuse(null, message);
            }
            return n.longValue();
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw refuse(null, message);
        }
    }

    /** Yes (true, oui), no (false, non) or nothing; otherwise {@code message}. */
    public Boolean optionalBoolean(Object value, String message) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        return switch (value.toString().trim().toLowerCase(Locale.ROOT)) {
            case "true", "oui" -> true;
            case "false", "non" -> false;
            default -> throw refuse(null, message);
        };
    }

    /** A date written {@code yyyy-MM-dd...} in a dynamic list's cell; blank → null; otherwise {@code message}. */
    public LocalDate dateText(String text, String message) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        try {
            return LocalDate.parse(trimmed.length() > 10 ? trimmed.substring(0, 10) : trimmed);
        } catch (DateTimeParseException e) {
            throw refuse(null, message);
        }
    }

    /** A whole number written in a dynamic list's cell ({@code 12}, {@code 12.0}); blank → null; otherwise {@code message}. */
    public Long wholeNumberText(String text, String message) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new java.math.BigDecimal(text.trim()).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw refuse(null, message);
        }
    }

    /** A dynamic list (array of objects) as submitted by a form; null or empty → empty list. */
    public List<Map<String, Object>> objectList(Object value, String label) {
        Object parsed = parse(value, label);
        if (parsed == null) {
            return List.of();
        }
        if (!(parsed instanceof Collection<?> items)) {
            throw refuse(null, "« " + label + " » doit être une liste.");
        }
        List<Map<String, Object>> result = new ArrayList<>();
        for (Object item : items) {
            if (item == null) {
                continue;
            }
            if (!(item instanceof Map<?, ?> map)) {
                throw refuse(null, "« " + label + " » : chaque élément doit être un objet.");
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            map.forEach((k, v) -> entry.put(String.valueOf(k), v));
            result.add(entry);
        }
        return result;
    }

    /** A checklist (array of values) as submitted by a form; null → null (not answered). */
    public List<String> valueList(Object value, String label) {
        Object parsed = parse(value, label);
        if (parsed == null) {
            return null;
        }
        if (!(parsed instanceof Collection<?> items)) {
            throw refuse(null, "« " + label + " » doit être une liste.");
        }
        return items.stream().filter(v -> v != null).map(v -> v.toString().trim()).toList();
    }

    /** A dynamic list as a JSON array (Json variable, JSON string or Java list); null → null; otherwise {@code unreadable}. */
    public JsonNode jsonArray(Object value, String unreadable) {
        if (value == null) {
            return null;
        }
        JsonNode root;
        try {
            root = value instanceof String || value.getClass().getName().startsWith("org.camunda.spin")
                    ? JSON.readTree(value.toString()) : JSON.valueToTree(value);
        } catch (Exception e) {
            throw refuse(null, unreadable);
        }
        if (root == null || root.isNull()) {
            return null;
        }
        if (!root.isArray()) {
            throw refuse(null, unreadable);
        }
        return root;
    }

    /** Codes ticked on a checklist or tag list: a Json variable, a list, a JSON string or a comma-separated string. */
    public static Set<String> codes(Object value) {
        Set<String> codes = new TreeSet<>();
        if (value == null) {
            return codes;
        }
        if (value instanceof SpinJsonNode json) {
            if (json.isArray()) {
                json.elements().forEach(e -> codes.add(e.isString() ? e.stringValue() : e.toString()));
            }
            return codes;
        }
        if (value instanceof Collection<?> list) {
            list.forEach(v -> codes.add(String.valueOf(v)));
            return codes;
        }
        String text = value.toString().trim();
        if (text.startsWith("[")) {
            return codes(Spin.JSON(text));
        }
        for (String part : text.split("[,|]")) {
            if (!part.isBlank()) {
                codes.add(part.trim());
            }
        }
        return codes;
    }

    /** A JSON text for a Json variable. */
    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Object parse(Object value, String label) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
            return value;
        }
        String text = value.toString().trim();
        if (text.isEmpty() || "null".equals(text)) {
            return null;
        }
        try {
            return JSON.readValue(text, new TypeReference<Object>() { });
        } catch (Exception e) {
            throw refuse(null, "« " + label + " » n'est pas lisible (liste attendue).");
        }
    }
}
