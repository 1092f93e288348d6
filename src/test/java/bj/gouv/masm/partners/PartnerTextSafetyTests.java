package bj.gouv.masm.partners;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.shared.CsvCells;
import bj.gouv.masm.shared.XmlText;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What a clerk types ends up in spreadsheets and in the IATI XML: a DPAF agent registers a partner whose
 * name is a formula (neutralised in every CSV export) or holds a control character (refused: it would break
 * the IATI export), by the API and by a CSV import.
 */
class PartnerTextSafetyTests extends PartnerHttpTestBase {

    @Test
    void shouldNeutraliseEveryCellThatASpreadsheetWouldReadAsAFormula() {
        for (String formula : List.of("=1+1", "+33", "-2+3", "@SUM(A1)", "\tx", "\rx")) {
            assertThat(CsvCells.neutralise(formula)).isEqualTo("'" + formula);
        }
        assertThat(CsvCells.neutralise("ONG Espoir")).isEqualTo("ONG Espoir");
        assertThat(CsvCells.cell(-5)).isEqualTo(-5);
    }

    @Test
    void shouldExportAPartnerNamedLikeAFormulaAsText() {
        String s = unique();
        String name = "=HYPERLINK(\"http://evil.example/" + s + "\",\"Cliquez\")";
        Map<String, Object> body = osc(name, "CSV-" + s, "DONGA");
        body.put("contactName", "@SUM(1+1)");
        assertThat(post(DPAF, "/api/partners", body).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<byte[]> csv = rest.withBasicAuth(MANAGER, PASSWORD).exchange(
                baseUrl() + "/api/exports/partners.csv?department=DONGA", HttpMethod.GET, null, byte[].class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        String text = new String(csv.getBody(), StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> records = parse(text);
        assertThat(records).anySatisfy(r -> assertThat(r.toList()).contains("'" + name));
        for (CSVRecord record : records) {
            for (String cell : record) {
                assertThat(cell.isEmpty() || "=+@\t\r".indexOf(cell.charAt(0)) < 0
                        || cell.matches("-?[0-9.,]+")).as(cell).isTrue();
            }
        }
    }

    @Test
    void shouldRefuseCharactersThatXmlForbidsByTheApiAndTheImport() {
        String s = unique();
        ResponseEntity<JsonNode> refused = post(DPAF, "/api/partners", osc("ONG Bip\u0007 " + s, "XML-" + s, "MONO"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().toString()).contains("name", "Caractère interdit", "U+0007");

        String csv = "nom;type;numero_enregistrement;departements\r\n"
                + "ONG Nulle\u0001 " + s + ";OSC;XMLI-" + s + ";Mono\r\n"
                + "ONG Propre " + s + ";OSC;XMLJ-" + s + ";Mono\r\n";
        JsonNode report = importCsv(DPAF, csv).getBody();
        assertThat(report.get("rejected").asInt()).isEqualTo(1);
        assertThat(report.get("imported").asInt()).isEqualTo(1);
        assertThat(report.get("rows").get(0).get("status").asText()).isEqualTo("REJECTED");
        assertThat(report.get("rows").get(0).get("reasons").toString()).contains("Caractère interdit");

        assertThat(XmlText.firstForbidden("Éé ✓ 𝄞\t\n")).isNull();
        assertThat(XmlText.strip("A\u0001B\uFFFEC")).isEqualTo("ABC");
    }

    private static List<CSVRecord> parse(String text) {
        try {
            return CSVFormat.DEFAULT.builder().setDelimiter(';').get().parse(new StringReader(text)).getRecords();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
