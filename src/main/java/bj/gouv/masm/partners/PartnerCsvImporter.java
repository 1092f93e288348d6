package bj.gouv.masm.partners;

import bj.gouv.masm.partners.ImportReport.Row;
import bj.gouv.masm.partners.ImportReport.Status;
import bj.gouv.masm.partners.PartnerService.Saved;
import bj.gouv.masm.shared.CsvCells;
import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.ApiException.FieldError;
import bj.gouv.masm.shared.TextNormalizer;
import java.io.IOException;
import java.io.UncheckedIOException;




import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports partners from a CSV file as clerks produce it (Excel, LibreOffice): UTF-8 (with or without
 * BOM; Windows-1252 accepted as a fallback), {@code ;}, {@code ,} or tab separated (read from the
 * header line), French headers matched with case, accents, spacing and small words ignored. Each
 * row runs in its own transaction through the same validation, access rules and duplicate checks
 * as the API: a bad row is reported and rolled back, the good ones land. A row designating an
 * existing partner (same registration number, else same normalised name and kind) updates it only
 * when a value differs; empty cells keep the stored value.
 */
@Service
public class PartnerCsvImporter {

    private static final Logger log = LoggerFactory.getLogger(PartnerCsvImporter.class);
    private static final Set<String> FILLER_WORDS = Set.of("d", "de", "du", "des", "la", "le", "les", "l", "a");
    private static final Set<String> NATIONWIDE_WORDS = Set.of("national", "nationale", "tout le pays",
            "tout le territoire", "tout le territoire national", "ensemble du territoire", "nationwide")
            .stream().map(PartnerCsvImporter::headerKey).collect(Collectors.toSet());
    private static final Set<String> YES = Set.of("oui", "o", "yes", "y", "true", "vrai", "1", "x");
    private static final Set<String> NO = Set.of("non", "n", "no", "false", "faux", "0");

    /** The columns of docs/contract.md (first name = the documented header), plus a few optional ones. */
    enum Column {
        NAME("name", "nom", "nom du partenaire", "nom partenaire", "raison sociale", "dénomination"),
        ACRONYM("acronym", "sigle", "acronyme"),
        KIND("kind", "type", "type de partenaire", "type partenaire", "catégorie"),
        ORGANISATION_TYPE("organisationType", "type_organisation", "type d'organisation", "nature"),
        REGISTRATION_NUMBER("registrationNumber", "numero_enregistrement", "numéro d'enregistrement",
                "n° d'enregistrement", "no enregistrement", "num enregistrement", "numéro", "ifu", "numéro ifu"),
        SUB_SECTORS("subSectors", "sous_secteurs", "sous-secteur"),
        DOMAINS("domains", "domaines", "domaine", "domaines d'intervention"),
        TARGET_GROUPS("targetGroups", "cibles", "cible", "groupes cibles", "groupe cible"),
        DEPARTMENTS("departments", "departements", "département", "départements d'intervention",
                "zones d'intervention"),
        HEAD_OFFICE("headOfficeDepartment", "departement_siege", "département du siège", "siège"),
        CONTACT("contactName", "contact", "personne contact", "nom du contact", "personne à contacter"),
        EMAIL("email", "email", "e-mail", "courriel", "mail", "adresse e-mail"),
        PHONE("phone", "telephone", "tél", "tel", "téléphone du contact"),
        ADDRESS("address", "adresse", "adresse postale"),
        NATIONWIDE("nationwide", "national", "couverture nationale", "nationwide");

        final String field;
        final String header;
        final List<String> keys;

        Column(String field, String... names) {
            this.field = field;
            this.header = names[0];
            this.keys = Arrays.stream(names).map(PartnerCsvImporter::headerKey).toList();
        }

        static Optional<Column> ofField(String field) {
            return Arrays.stream(values()).filter(c -> c.field.equals(field)).findFirst();
        }
    }

    private final PartnerService service;
    private final PartnerValidator validator;
    private final PartnerAccess access;
    private final TransactionTemplate rowTransaction;

    public PartnerCsvImporter(PartnerService service, PartnerValidator validator, PartnerAccess access,
                              PlatformTransactionManager transactionManager) {
        this.service = service;
        this.validator = validator;
        this.access = access;
        this.rowTransaction = new TransactionTemplate(transactionManager);
    }

    public ImportReport importCsv(byte[] content) {
        access.requireWriter();
        String text = CsvCells.decode(content);
        if (text.isBlank()) {
            throw ApiException.badRequest("Le fichier CSV est vide");
        }
        char delimiter = detectDelimiter(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true).setTrim(true).get();
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(text, format)) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw ApiException.badRequest("Fichier CSV illisible (guillemets mal fermés ?) : " + e.getMessage());
        }
        if (records.isEmpty()) {
            throw ApiException.badRequest("Le fichier CSV est vide");
        }
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        List<String> ignored = new ArrayList<>();
        readHeader(records.get(0), columns, ignored);
        LineIndex lines = new LineIndex(text);
        List<Row> rows = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            Map<Column, String> values = cells(record, columns);
            if (values.isEmpty()) {
                continue;
            }
            long line = lines.lineOf(record.getCharacterPosition());
            Optional<Row> repeated = repeatedInFile(line, values, seen);
            rows.add(repeated.orElseGet(() -> importRow(line, values)));
        }
        ImportReport report = ImportReport.of(delimiter, ignored, rows);
        log.info("Partner import: {} rows, {} imported, {} updated, {} unchanged, {} rejected", report.total(),
                report.imported(), report.updated(), report.unchanged(), report.rejected());
        return report;
    }

    /**
     * Two rows of one file designating the same partner (same registration number, or same name and
     * kind) are a mistake in the file: the second is rejected rather than silently overwriting the first.
     */
    private static Optional<Row> repeatedInFile(long line, Map<Column, String> values, Map<String, Long> seen) {
        List<String> keys = new ArrayList<>();
        String number = values.get(Column.REGISTRATION_NUMBER);
        if (number != null) {
            keys.add("number:" + number.replaceAll("\\s+", " "));
        }
        Optional<PartnerKind> kind = PartnerValidator.parseKind(values.get(Column.KIND));
        if (values.containsKey(Column.NAME) && kind.isPresent()) {
            keys.add("name:" + kind.get() + ":" + TextNormalizer.normalise(values.get(Column.NAME)));
        }
        for (String key : keys) {
            Long first = seen.get(key);
            if (first != null) {
                String what = key.startsWith("number:") ? "le même numéro d'enregistrement" : "le même nom et le même type";
                return Optional.of(new Row(line, Status.REJECTED, null, values.get(Column.NAME),
                        List.of("Ligne en double dans le fichier : " + what + " que la ligne " + first)));
            }
        }
        keys.forEach(key -> seen.put(key, line));
        return Optional.empty();
    }

    private Row importRow(long line, Map<Column, String> values) {
        String name = values.get(Column.NAME);
        try {
            return rowTransaction.execute(tx -> {
                PartnerKind kind = PartnerValidator.parseKind(values.get(Column.KIND)).orElse(null);
                Partner existing = service.findMatch(values.get(Column.REGISTRATION_NUMBER), name, kind).orElse(null);
                List<String> reasons = new ArrayList<>();
                PartnerRequest request = overlay(existing, values, reasons);
                PartnerValidator.Result result = validator.check(request);
                for (FieldError error : result.errors()) {
                    if ("organisationType".equals(error.field()) && !values.containsKey(Column.ORGANISATION_TYPE)
                            && result.errors().stream().anyMatch(e -> "kind".equals(e.field()))) {
                        continue; // derived from an unreadable type: the type's own reason says it all
                    }
                    reasons.add(Column.ofField(error.field()).map(c -> c.header).orElse(error.field()) + " : "
                            + error.message());
                }
                if (!reasons.isEmpty()) {
                    return new Row(line, Status.REJECTED, existing == null ? null : existing.getId(), name,
                            List.copyOf(reasons));
                }
                Saved saved = service.save(existing, result.data(), "import CSV");
                Status status = switch (saved.outcome()) {
                    case CREATED -> Status.IMPORTED;
                    case UPDATED -> Status.UPDATED;
                    case UNCHANGED -> Status.UNCHANGED;
                };
                return new Row(line, status, saved.partner().getId(), saved.partner().getName(), List.of());
            });
        } catch (ApiException e) {
            return new Row(line, Status.REJECTED, null, name, List.of(e.getMessage()));
        } catch (RuntimeException e) {
            log.warn("Import row {} failed in the database and was rolled back", line, e);
            return new Row(line, Status.REJECTED, null, name,
                    List.of("Erreur lors de l'enregistrement en base de données : la ligne n'a pas été importée"));
        }
    }

    /** The stored partner (or a new one) with the row's non-empty cells laid over it. */
    private static PartnerRequest overlay(Partner existing, Map<Column, String> v, List<String> reasons) {
        PartnerRequest base = existing != null ? PartnerRequest.of(existing)
                : new PartnerRequest(null, null, null, null, null, null, List.of(), List.of(), List.of(), List.of(),
                false, null, null, null, null);
        String kind = v.getOrDefault(Column.KIND, base.kind());
        String organisationType = v.getOrDefault(Column.ORGANISATION_TYPE, base.organisationType());
        if (organisationType == null) {
            // not among the documented columns: new rows get the usual type of their kind
            organisationType = PartnerValidator.parseKind(kind)
                    .map(k -> k == PartnerKind.OSC ? "NATIONAL_NGO" : "OTHER").orElse(null);
        }
        Boolean nationwide = base.nationwide();
        List<String> departments = base.departments();
        if (v.containsKey(Column.DEPARTMENTS)) {
            departments = new ArrayList<>();
            for (String item : split(v.get(Column.DEPARTMENTS))) {
                if (NATIONWIDE_WORDS.contains(headerKey(item))) {
                    nationwide = true;
                } else {
                    departments.add(item);
                }
            }
        }
        if (v.containsKey(Column.NATIONWIDE)) {
            String flag = TextNormalizer.normalise(v.get(Column.NATIONWIDE));
            if (YES.contains(flag)) {
                nationwide = true;
            } else if (NO.contains(flag)) {
                nationwide = false;
            } else {
                reasons.add(Column.NATIONWIDE.header + " : valeur « " + v.get(Column.NATIONWIDE)
                        + " » non comprise (oui ou non attendu)");
            }
        }
        String name = v.getOrDefault(Column.NAME, base.name());
        if (existing != null && TextNormalizer.normalise(name).equals(existing.getNormalisedName())) {
            // "ONG espoir" designates the stored "ONG Espoir": keep its spelling, nothing changed
            name = existing.getName();
        }
        return new PartnerRequest(
                name,
                v.getOrDefault(Column.ACRONYM, base.acronym()),
                kind,
                organisationType,
                v.getOrDefault(Column.REGISTRATION_NUMBER, base.registrationNumber()),
                v.getOrDefault(Column.HEAD_OFFICE, base.headOfficeDepartment()),
                list(v, Column.SUB_SECTORS, base.subSectors()),
                list(v, Column.DOMAINS, base.domains()),
                list(v, Column.TARGET_GROUPS, base.targetGroups()),
                departments,
                nationwide,
                v.getOrDefault(Column.CONTACT, base.contactName()),
                v.getOrDefault(Column.EMAIL, base.email()),
                v.getOrDefault(Column.PHONE, base.phone()),
                v.getOrDefault(Column.ADDRESS, base.address()));
    }

    private static List<String> list(Map<Column, String> values, Column column, List<String> fallback) {
        return values.containsKey(column) ? split(values.get(column)) : fallback;
    }

    /** A list cell: items separated by {@code ,} or {@code |} (or {@code ;} inside a quoted cell). */
    static List<String> split(String cell) {
        return Arrays.stream(cell.split("[,|;]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static void readHeader(CSVRecord header, Map<Column, Integer> columns, List<String> ignored) {
        Map<String, Column> byKey = new HashMap<>();
        for (Column column : Column.values()) {
            column.keys.forEach(key -> byKey.putIfAbsent(key, column));
        }
        for (int i = 0; i < header.size(); i++) {
            String title = header.get(i).replace("\uFEFF", "");
            Column column = byKey.get(headerKey(title));
            if (column == null || columns.containsKey(column)) {
                if (!title.isBlank()) {
                    ignored.add(title);
                }
            } else {
                columns.put(column, i);
            }
        }
        List<String> missing = new ArrayList<>();
        for (Column required : List.of(Column.NAME, Column.KIND)) {
            if (!columns.containsKey(required)) {
                missing.add(required.header);
            }
        }
        if (!missing.isEmpty()) {
            throw new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST,
                    "En-tête du fichier CSV incomplet : colonne(s) obligatoire(s) manquante(s) : "
                            + String.join(", ", missing) + ". Colonnes attendues : "
                            + Arrays.stream(Column.values()).map(c -> c.header).collect(Collectors.joining(", ")),
                    missing.stream().map(m -> new FieldError(m, "colonne obligatoire manquante")).toList());
        }
    }

    private static Map<Column, String> cells(CSVRecord record, Map<Column, Integer> columns) {
        Map<Column, String> values = new LinkedHashMap<>();
        columns.forEach((column, index) -> {
            if (index < record.size()) {
                String value = PartnerValidator.clean(record.get(index));
                if (value != null) {
                    values.put(column, value);
                }
            }
        });
        return values;
    }

    /**
     * A header as a comparable key: case, accents, punctuation, plural "s" and small words (de, du,
     * d', la...) ignored, so "Numéro d'enregistrement" matches "numero_enregistrement".
     */
    static String headerKey(String text) {
        String key = TextNormalizer.normalise(text).replaceAll("[^a-z0-9]+", "_");
        return Arrays.stream(key.split("_"))
                .filter(word -> !word.isEmpty() && !FILLER_WORDS.contains(word))
                .map(word -> word.length() > 3 && word.endsWith("s") ? word.substring(0, word.length() - 1) : word)
                .collect(Collectors.joining("_"));
    }

    /** The separator used in the header line (outside quotes): the most frequent of ; , and tab. */
    static char detectDelimiter(String text) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (semicolons + commas + tabs > 0) {
                    break;
                }
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == '\t') {
                tabs++;
            }
        }
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return semicolons >= commas && semicolons > 0 ? ';' : ',';
    }


    /** Line numbers of character positions (a quoted cell may span several lines). */
    private static final class LineIndex {
        private final List<Integer> lineStarts = new ArrayList<>();

        LineIndex(String text) {
            lineStarts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    lineStarts.add(i + 1);
                }
            }
        }

        long lineOf(long position) {
            int index = java.util.Collections.binarySearch(lineStarts, (int) position);
            return (index >= 0 ? index : -index - 2) + 1;
        }
    }
}
