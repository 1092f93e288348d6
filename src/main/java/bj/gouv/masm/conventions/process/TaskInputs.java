package bj.gouv.masm.conventions.process;

import bj.gouv.masm.conventions.LifecycleInputException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Date;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads form values back on the server (they come typed from the API, or as strings/JSON from Tasklist)
 * and refuses missing or invalid ones with a French message naming the field.
 */
final class TaskInputs {

    private TaskInputs() {
    }

    static String optionalText(VariableScope scope, String key) {
        Object value = scope.getVariable(key);
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    static String requiredText(VariableScope scope, String key, String label) {
        String text = optionalText(scope, key);
        if (text == null) {
            throw new LifecycleInputException(key, "Le champ « " + label + " » est obligatoire.");
        }
        if (text.length() > 2000) {
            throw new LifecycleInputException(key, "Le champ « " + label + " » est trop long (2000 caractères au plus).");
        }
        return text;
    }

    static boolean requiredBoolean(VariableScope scope, String key, String label) {
        Object value = scope.getVariable(key);
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new LifecycleInputException(key, "Répondez par oui ou non à « " + label + " ».");
    }

    static <E extends Enum<E>> E requiredEnum(VariableScope scope, String key, Class<E> type, String label,
                                              String choices) {
        Object value = scope.getVariable(key);
        if (value != null) {
            try {
                return Enum.valueOf(type, value.toString().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // refused below
            }
        }
        throw new LifecycleInputException(key, "Choisissez « " + label + " » parmi : " + choices + ".");
    }

    static int requiredInteger(VariableScope scope, String key, String label, int min, int max) {
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
            throw new LifecycleInputException(key, "« " + label + " » doit être un nombre entier entre " + min
                    + " et " + max + ".");
        }
        return number;
    }

    static LocalDate requiredDate(VariableScope scope, String key, String label, ZoneId zone) {
        Object value = scope.getVariable(key);
        LocalDate date = null;
        if (value instanceof Date d) {
            date = d.toInstant().atZone(zone).toLocalDate();
        } else if (value instanceof LocalDate d) {
            date = d;
        } else if (value instanceof String s && !s.isBlank()) {
            try {
                date = LocalDate.parse(s.trim().length() > 10 ? s.trim().substring(0, 10) : s.trim());
            } catch (DateTimeParseException e) {
                // refused below
            }
        }
        if (date == null) {
            throw new LifecycleInputException(key, "« " + label + " » doit être une date (jj/mm/aaaa).");
        }
        return date;
    }

    /** Codes ticked on a checklist or tag list: a Json variable, a list, a JSON string or a comma-separated string. */
    static Set<String> codes(VariableScope scope, String key) {
        return codes(scope.getVariable(key));
    }

    static Set<String> codes(Object value) {
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
}
