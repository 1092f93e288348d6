package bj.gouv.masm.reviews;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import bj.gouv.masm.shared.MasmTimeZone;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a Camunda Form submitted (dates as {@code yyyy-MM-dd} strings, numbers, dynamic lists
 * and checklists as Json variables) and refuses bad values with a French message (the task stays open).
 */
public final class FormValues {

    private static final ObjectMapper JSON = new ObjectMapper();
    
    private FormValues() {
    }

    public static String requiredText(Object value, String label, int maxLength) {
        String text = optionalText(value);
        if (text == null) {
            throw new ReviewFormException("« " + label + " » est obligatoire.");
        }
        if (text.length() > maxLength) {
            throw new ReviewFormException("« " + label + " » est trop long (" + maxLength + " caractères au plus).");
        }
        return text;
    }

    public static String optionalText(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    public static LocalDate requiredDate(Object value, String label) {
        LocalDate date = optionalDate(value, label);
        if (date == null) {
            throw new ReviewFormException("« " + label + " » est obligatoire.");
        }
        return date;
    }

    public static LocalDate optionalDate(Object value, String label) {
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
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new ReviewFormException("« " + label + " » n'est pas une date valide (attendu AAAA-MM-JJ) : " + text);
        }
    }

    public static int requiredPositiveInteger(Object value, String label) {
        if (value == null || value.toString().isBlank()) {
            throw new ReviewFormException("« " + label + " » est obligatoire.");
        }
        double number;
        try {
            number = value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new ReviewFormException("« " + label + " » doit être un nombre entier : " + value);
        }
        if (number != Math.rint(number) || number < 1 || number > 100_000) {
            throw new ReviewFormException("« " + label + " » doit être un nombre entier positif (au moins 1).");
        }
        return (int) number;
    }

    /** A dynamic list (array of objects) as submitted by a form; null or empty → empty list. */
    public static List<Map<String, Object>> objectList(Object value, String label) {
        Object parsed = parse(value, label);
        if (parsed == null) {
            return List.of();
        }
        if (!(parsed instanceof Collection<?> items)) {
            throw new ReviewFormException("« " + label + " » doit être une liste.");
        }
        List<Map<String, Object>> result = new ArrayList<>();
        for (Object item : items) {
            if (item == null) {
                continue;
            }
            if (!(item instanceof Map<?, ?> map)) {
                throw new ReviewFormException("« " + label + " » : chaque élément doit être un objet.");
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            map.forEach((k, v) -> entry.put(String.valueOf(k), v));
            result.add(entry);
        }
        return result;
    }

    /** A checklist (array of values) as submitted by a form; null → null (not answered). */
    public static List<String> valueList(Object value, String label) {
        Object parsed = parse(value, label);
        if (parsed == null) {
            return null;
        }
        if (!(parsed instanceof Collection<?> items)) {
            throw new ReviewFormException("« " + label + " » doit être une liste.");
        }
        return items.stream().filter(v -> v != null).map(v -> v.toString().trim()).toList();
    }

    /** A JSON text for a Json variable. */
    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object parse(Object value, String label) {
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
            throw new ReviewFormException("« " + label + " » n'est pas lisible (liste attendue).");
        }
    }
}
