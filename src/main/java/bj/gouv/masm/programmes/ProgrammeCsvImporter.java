package bj.gouv.masm.programmes;

import bj.gouv.masm.shared.CsvCells;
import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.TextNormalizer;
import java.io.IOException;
import java.io.UncheckedIOException;




import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CSV import of the programme register, like the partners': UTF-8 (BOM ignored) or Windows-1252, {@code ;},
 * {@code ,} or tab separated; headers (case and accents ignored) {@code nom}, {@code partenaires} (names,
 * acronyms or ids), {@code departements}, {@code domaines} (codes or French labels; list cells separated by
 * {@code |} or {@code ,}), {@code debut}, {@code fin} (dd/mm/yyyy or yyyy-mm-dd), {@code budget} (XOF).
 * A row designates an existing programme by its name (normalised): UPDATED if a value differs, else
 * UNCHANGED. Each row runs in its own transaction with the API's validation: a bad row is REJECTED with its
 * reasons, the good rows land.
 */
@Service
public class ProgrammeCsvImporter {

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

    private final ProgrammeService programmes;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate rowTransaction;

    public ProgrammeCsvImporter(ProgrammeService programmes, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.programmes = programmes;
        this.jdbc = jdbc;
        this.rowTransaction = new TransactionTemplate(transactions);
    }

    public record RowResult(int row, String status, Long programmeId, String name, List<String> reasons) {
    }

    public record Report(int total, int imported, int updated, int unchanged, int rejected, List<String> ignoredColumns,
                         List<RowResult> rows) {
    }

    enum Column { NAME, PARTNERS, DEPARTMENTS, DOMAINS, START, END, BUDGET }

    private static final Map<String, Column> HEADERS = Map.ofEntries(
            Map.entry("nom", Column.NAME), Map.entry("programme", Column.NAME), Map.entry("intitule", Column.NAME),
            Map.entry("partenaire", Column.PARTNERS), Map.entry("departement", Column.DEPARTMENTS),
            Map.entry("domaine", Column.DOMAINS), Map.entry("debut", Column.START), Map.entry("date_debut", Column.START),
            Map.entry("fin", Column.END), Map.entry("date_fin", Column.END), Map.entry("budget", Column.BUDGET),
            Map.entry("budget_xof", Column.BUDGET));

    public Report importCsv(byte[] content) {
        programmes.requireWriter();
        String text = CsvCells.decode(content);
        if (text.isBlank()) {
            throw ApiException.badRequest("Le fichier CSV est vide");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(detectDelimiter(text)).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(text, format)) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw ApiException.badRequest("Fichier CSV illisible (guillemets mal fermés ?) : " + e.getMessage());
        }
        Map<Column, Integer> columns = new HashMap<>();
        List<String> ignored = new ArrayList<>();
        CSVRecord header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            Column column = HEADERS.get(headerKey(header.get(i)));
            if (column == null || columns.containsKey(column)) {
                ignored.add(header.get(i));
            } else {
                columns.put(column, i);
            }
        }
        if (!columns.containsKey(Column.NAME) || !columns.containsKey(Column.START)) {
            throw ApiException.badRequest("Colonnes obligatoires : nom, debut (trouvées : " + String.join(", ", header.toList()) + ")");
        }
        List<RowResult> results = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int imported = 0;
        int updated = 0;
        int unchanged = 0;
        int rejected = 0;
        for (int r = 1; r < records.size(); r++) {
            CSVRecord record = records.get(r);
            int line = (int) record.getRecordNumber();
            String name = cell(record, columns, Column.NAME);
            List<String> reasons = new ArrayList<>();
            ProgrammeService.ProgrammeRequest request = null;
            try {
                request = new ProgrammeService.ProgrammeRequest(name, partners(cell(record, columns, Column.PARTNERS), reasons),
                        list(cell(record, columns, Column.DEPARTMENTS)), list(cell(record, columns, Column.DOMAINS)),
                        date(cell(record, columns, Column.START), "debut", reasons),
                        date(cell(record, columns, Column.END), "fin", reasons),
                        budget(cell(record, columns, Column.BUDGET), reasons));
            } catch (RuntimeException e) {
                reasons.add(e.getMessage());
            }
            if (name != null && !seen.add(TextNormalizer.normalise(name))) {
                reasons.add("nom : le programme figure déjà plus haut dans le fichier");
            }
            if (!reasons.isEmpty()) {
                rejected++;
                results.add(new RowResult(line, "REJECTED", null, name, reasons));
                continue;
            }
            ProgrammeService.ProgrammeRequest toSave = request;
            try {
                RowResult result = rowTransaction.execute(status -> {
                    Optional<Long> existing = name == null ? Optional.empty() : programmes.findIdByName(name);
                    if (existing.isEmpty()) {
                        ProgrammeService.Programme created = programmes.create(toSave);
                        return new RowResult(line, "IMPORTED", created.id(), created.name(), List.of());
                    }
                    long before = programmes.get(existing.get()).version();
                    ProgrammeService.Programme after = programmes.update(existing.get(), toSave);
                    return new RowResult(line, after.version() == before ? "UNCHANGED" : "UPDATED", after.id(),
                            after.name(), List.of());
                });
                switch (result.status()) {
                    case "IMPORTED" -> imported++;
                    case "UPDATED" -> updated++;
                    default -> unchanged++;
                }
                results.add(result);
            } catch (ApiException e) {
                rejected++;
                List<String> why = e.fieldErrors().isEmpty() ? List.of(e.getMessage())
                        : e.fieldErrors().stream().map(f -> f.field() + " : " + f.message()).toList();
                results.add(new RowResult(line, "REJECTED", null, name, why));
            }
        }
        return new Report(records.size() - 1, imported, updated, unchanged, rejected, ignored, results);
    }

    private List<Long> partners(String cell, List<String> reasons) {
        List<Long> ids = new ArrayList<>();
        for (String item : list(cell)) {
            List<Long> found = item.matches("\\d+") ? jdbc.queryForList("select id from partner where id = ?", Long.class,
                    Long.valueOf(item)) : jdbc.queryForList("select id from partner where normalised_name = ? "
                    + "or upper(acronym) = upper(?)", Long.class, TextNormalizer.normalise(item), item);
            if (found.size() == 1) {
                ids.add(found.get(0));
            } else {
                reasons.add("partenaires : " + (found.isEmpty() ? "partenaire inconnu" : "partenaire ambigu") + " « " + item + " »");
            }
        }
        return ids;
    }

    private static List<String> list(String cell) {
        if (cell == null) {
            return List.of();
        }
        return Arrays.stream(cell.split("[|,]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static LocalDate date(String cell, String column, List<String> reasons) {
        if (cell == null) {
            return null;
        }
        try {
            return cell.contains("/") ? LocalDate.parse(cell, FRENCH_DATE) : LocalDate.parse(cell);
        } catch (DateTimeParseException e) {
            reasons.add(column + " : date invalide « " + cell + " » (jj/mm/aaaa)");
            return null;
        }
    }

    private static Long budget(String cell, List<String> reasons) {
        if (cell == null) {
            return null;
        }
        try {
            return Long.valueOf(cell.replaceAll("[\\s\u00a0\u202f]", ""));
        } catch (NumberFormatException e) {
            reasons.add("budget : montant invalide « " + cell + " » (XOF, nombre entier)");
            return null;
        }
    }

    private static String cell(CSVRecord record, Map<Column, Integer> columns, Column column) {
        Integer index = columns.get(column);
        if (index == null || index >= record.size()) {
            return null;
        }
        String value = record.get(index);
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String headerKey(String text) {
        String key = TextNormalizer.normalise(text).replaceAll("[^a-z0-9]+", "_");
        List<String> words = Arrays.stream(key.split("_")).filter(w -> !w.isEmpty()
                        && !Set.of("de", "du", "d", "la", "le", "les", "des", "en").contains(w))
                .map(w -> w.length() > 3 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w).toList();
        return String.join("_", words);
    }

    static char detectDelimiter(String text) {
        String first = text.lines().findFirst().orElse("");
        long semicolons = first.chars().filter(c -> c == ';').count();
        long commas = first.chars().filter(c -> c == ',').count();
        long tabs = first.chars().filter(c -> c == '\t').count();
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return semicolons >= commas && semicolons > 0 ? ';' : ',';
    }
}
