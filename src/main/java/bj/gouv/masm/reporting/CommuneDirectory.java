package bj.gouv.masm.reporting;

import bj.gouv.masm.shared.TextNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The 77 communes of Benin by department (reference/benin-communes.csv → table ref_commune, upsert at start). */
@Service
@RequiredArgsConstructor
public class CommuneDirectory {

    public static final String RESOURCE = "reference/benin-communes.csv";

    private final JdbcTemplate jdbc;

    @Transactional
    public int load() {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        int count = 0;
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream();
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
             CSVParser parser = format.parse(reader)) {
            for (CSVRecord row : parser) {
                String department = row.get("department");
                String name = row.get("commune");
                Integer exists = jdbc.queryForObject("select count(*) from ref_commune where department = ? and name = ?",
                        Integer.class, department, name);
                if (exists == null || exists == 0) {
                    jdbc.update("insert into ref_commune (department, name, normalised_name) values (?, ?, ?)",
                            department, name, TextNormalizer.normalise(name));
                }
                count++;
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + RESOURCE, e);
        }
        return count;
    }

    /** The commune's official spelling if it lies in the department (case, accents and spacing ignored). */
    public Optional<String> resolve(String department, String commune) {
        if (department == null || commune == null || commune.isBlank()) {
            return Optional.empty();
        }
        List<String> names = jdbc.queryForList("select name from ref_commune where department = ? and normalised_name = ?",
                String.class, department, TextNormalizer.normalise(commune));
        return names.stream().findFirst();
    }

    public List<String> communesOf(String department) {
        return jdbc.queryForList("select name from ref_commune where department = ? order by name", String.class, department);
    }
}
