package bj.gouv.masm.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SIDoFFE indicator catalogue: reference data loaded at start from
 * {@code reference/sidoffe-indicators.csv} (upsert; codes no longer in the file are deactivated).
 * The shipped file holds 77 placeholders to be replaced by the OFFE's official list.
 */
@Service
@RequiredArgsConstructor
public class IndicatorCatalogue {

    public static final String RESOURCE = "reference/sidoffe-indicators.csv";

    private final JdbcTemplate jdbc;

    @Transactional
    public int load() {
        List<SidoffeIndicator> indicators = readCsv();
        jdbc.update("update sidoffe_indicator set active = false");
        for (SidoffeIndicator i : indicators) {
            int updated = jdbc.update("update sidoffe_indicator set label = ?, unit = ?, disaggregation = ?, "
                            + "sort_order = ?, active = true where code = ?",
                    i.label(), i.unit().name(), i.disaggregation(), i.sortOrder(), i.code());
            if (updated == 0) {
                jdbc.update("insert into sidoffe_indicator (code, label, unit, disaggregation, sort_order, active) "
                        + "values (?, ?, ?, ?, ?, true)", i.code(), i.label(), i.unit().name(), i.disaggregation(), i.sortOrder());
            }
        }
        return indicators.size();
    }

    static List<SidoffeIndicator> readCsv() {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setCommentMarker('#')
                .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get();
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream();
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
             CSVParser parser = format.parse(reader)) {
            List<SidoffeIndicator> list = new ArrayList<>();
            int order = 0;
            for (CSVRecord row : parser) {
                String code = row.get("code").toUpperCase(Locale.ROOT);
                if (code.isBlank()) {
                    continue;
                }
                list.add(new SidoffeIndicator(code, row.get("label"),
                        IndicatorUnit.valueOf(row.get("unit").toUpperCase(Locale.ROOT)),
                        row.isMapped("disaggregation") && row.isSet("disaggregation") ? row.get("disaggregation") : null,
                        ++order));
            }
            return list;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + RESOURCE, e);
        }
    }

    public List<SidoffeIndicator> activeIndicators() {
        return jdbc.query("select code, label, unit, disaggregation, sort_order from sidoffe_indicator "
                        + "where active = true order by sort_order, code",
                (rs, n) -> new SidoffeIndicator(rs.getString(1), rs.getString(2), IndicatorUnit.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getInt(5)));
    }

    public Map<String, SidoffeIndicator> activeByCode() {
        Map<String, SidoffeIndicator> map = new LinkedHashMap<>();
        activeIndicators().forEach(i -> map.put(i.code(), i));
        return map;
    }

    public Optional<SidoffeIndicator> find(String code) {
        return Optional.ofNullable(activeByCode().get(code));
    }

    /** How many indicators a complete report holds: the active catalogue (77 with the shipped file). */
    public int expectedCount() {
        Integer count = jdbc.queryForObject("select count(*) from sidoffe_indicator where active = true", Integer.class);
        return count == null ? 0 : count;
    }
}
