package bj.gouv.masm.reporting;

import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.CurrentActor;
import lombok.RequiredArgsConstructor;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SIDoFFE indicator values of a report (table report_indicator_value). An upload is all or nothing:
 * unknown codes, values that do not fit the indicator's unit and duplicated codes are listed in one
 * 400 and nothing is written. A valid upload replaces earlier values of the same codes.
 */
@Service
@RequiredArgsConstructor
public class IndicatorValueService {

    private final JdbcTemplate jdbc;
    private final IndicatorCatalogue catalogue;
    private final CurrentActor currentActor;
    private final Clock clock;

    /** One uploaded value as received (raw text or number), before checks. */
    public record RawValue(String code, Object value) {
    }

    /**
     * An indicator sheet as a spreadsheet exports it: one {@code code;value} line per indicator, an optional
     * {@code code;valeur} header line, blank lines ignored (the CSV upload and the report form's pasted sheet).
     */
    public static List<RawValue> parseSheet(String body) {
        List<RawValue> raw = new ArrayList<>();
        String text = body == null ? "" : body.replace("\uFEFF", "");
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = format.parse(new StringReader(text))) {
            boolean first = true;
            for (CSVRecord row : parser) {
                if (first && row.size() > 0 && row.get(0).equalsIgnoreCase("code")) {
                    first = false;
                    continue;
                }
                first = false;
                raw.add(new RawValue(row.get(0), row.size() > 1 ? row.get(1) : null));
            }
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw ApiException.badRequest("CSV illisible (format attendu : code;valeur)");
        }
        return raw;
    }

    public record StoredValue(String code, String label, String unit, BigDecimal value) {
    }

    /** @return the number of distinct indicators now reported for the report */
    @Transactional
    public int upload(Long reportId, List<RawValue> values) {
        if (values == null || values.isEmpty()) {
            throw ApiException.badRequest("Aucune valeur d'indicateur transmise");
        }
        Map<String, SidoffeIndicator> known = catalogue.activeByCode();
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        List<ApiException.FieldError> errors = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            RawValue raw = values.get(i);
            String field = "values[" + i + "]";
            String code = raw == null || raw.code() == null ? "" : raw.code().trim().toUpperCase(Locale.ROOT);
            SidoffeIndicator indicator = known.get(code);
            if (indicator == null) {
                unknown.add(code.isEmpty() ? "(code vide)" : code);
                errors.add(new ApiException.FieldError(field, "code d'indicateur inconnu « " + code + " »"));
                continue;
            }
            if (!seen.add(code)) {
                duplicates.add(code);
                errors.add(new ApiException.FieldError(field, code + " : indicateur transmis plusieurs fois"));
                continue;
            }
            BigDecimal value = parse(raw.value());
            if (value == null) {
                errors.add(new ApiException.FieldError(field, named(indicator) + " : valeur non numérique « " + raw.value() + " »"));
                continue;
            }
            String problem = indicator.unit().check(value);
            if (problem != null) {
                errors.add(new ApiException.FieldError(field, named(indicator) + " : " + problem
                        + " (reçu " + value.toPlainString() + ")"));
                continue;
            }
            rows.add(new Object[] {code, value});
        }
        if (!errors.isEmpty()) {
            StringBuilder message = new StringBuilder("Valeurs d'indicateurs refusées, rien n'a été enregistré : ")
                    .append(errors.size()).append(" erreur(s)");
            if (!unknown.isEmpty()) {
                message.append(" ; codes inconnus : ").append(String.join(", ", unknown));
            }
            if (!duplicates.isEmpty()) {
                message.append(" ; codes en double : ").append(String.join(", ", duplicates));
            }
            throw new ApiException(HttpStatus.BAD_REQUEST, message.toString(), errors);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String actor = currentActor.userId();
        for (Object[] row : rows) {
            jdbc.update("delete from report_indicator_value where report_id = ? and indicator_code = ?", reportId, row[0]);
            jdbc.update("insert into report_indicator_value (report_id, indicator_code, indicator_value, created_at, created_by) "
                    + "values (?, ?, ?, ?, ?)", reportId, row[0], row[1], now, actor);
        }
        return count(reportId);
    }

    /** How a refusal names the indicator: its code and its label (the clerk sees both in the form). */
    private static String named(SidoffeIndicator indicator) {
        return indicator.code() + " « " + indicator.label() + " »";
    }

    static BigDecimal parse(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        String text = value.toString().trim().replace('\u00A0', ' ').replace(" ", "").replace(',', '.');
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Reported indicators: values of indicators still in the active catalogue. */
    public int count(Long reportId) {
        Integer n = jdbc.queryForObject("select count(*) from report_indicator_value v join sidoffe_indicator i "
                + "on i.code = v.indicator_code where v.report_id = ? and i.active = true", Integer.class, reportId);
        return n == null ? 0 : n;
    }

    public List<StoredValue> list(Long reportId) {
        return jdbc.query("select v.indicator_code, i.label, i.unit, v.indicator_value from report_indicator_value v "
                        + "join sidoffe_indicator i on i.code = v.indicator_code where v.report_id = ? order by i.sort_order",
                (rs, n) -> new StoredValue(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4).stripTrailingZeros()), reportId);
    }
}
