package bj.gouv.masm.partners;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.shared.AuditTrail;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** CSV import over HTTP: good files in both separators, bad rows, repeated files, database failures, access. */
class PartnerImportTests extends PartnerHttpTestBase {

    @Autowired
    PartnerRepository repository;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldImportASemicolonFileWithFrenchHeadersAndLabelsAsAClerkTypesThem() {
        String s = unique();
        String csv = "\uFEFFNom;Sigle;Type;Numéro d'enregistrement;Sous-secteurs;Domaines;Cibles;Départements;"
                + "Département du siège;Contact;E-mail;Téléphone\r\n"
                + "ONG Étoile " + s + ";OE;osc;IMP1-" + s + ";Affaires sociales | Microfinance;"
                + "Protection de l'enfant, Inclusion financière;Enfants|Filles;Borgou, Zou;Borgou;Awa Test;"
                + "awa@test.invalid;+229 01 02 03 04\r\n"
                + "\"Fondation \"\"Test\"\" " + s + "\";;PTF;;affaires sociales;WOMEN_EMPOWERMENT_GBV;WOMEN;"
                + "national;;;;\r\n"
                + "\r\n";

        JsonNode report = importCsv(DPAF, csv).getBody();

        assertThat(report.get("total").asInt()).isEqualTo(2);
        assertThat(report.get("imported").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").asInt()).isZero();
        assertThat(report.get("delimiter").asText()).isEqualTo(";");
        assertThat(statuses(report)).containsExactly("IMPORTED", "IMPORTED");
        assertThat(report.get("rows").get(0).get("row").asInt()).isEqualTo(2);
        Partner star = repository.findById(report.get("rows").get(0).get("partnerId").asLong()).orElseThrow();
        assertThat(star.getName()).isEqualTo("ONG Étoile " + s);
        assertThat(star.getKind()).isEqualTo(PartnerKind.OSC);
        assertThat(star.getOrganisationType()).isEqualTo("NATIONAL_NGO");
        assertThat(star.getRegistrationNumber()).isEqualTo("IMP1-" + s);
        assertThat(star.getSubSectors()).containsExactlyInAnyOrder("SOCIAL_AFFAIRS", "MICROFINANCE");
        assertThat(star.getDomains()).containsExactlyInAnyOrder("CHILD_PROTECTION", "FINANCIAL_INCLUSION");
        assertThat(star.getTargetGroups()).containsExactlyInAnyOrder("CHILDREN", "GIRLS");
        assertThat(star.getDepartments()).containsExactlyInAnyOrder("BORGOU", "ZOU");
        assertThat(star.getHeadOfficeDepartment()).isEqualTo("BORGOU");
        assertThat(star.getContactName()).isEqualTo("Awa Test");
        assertThat(star.getEmail()).isEqualTo("awa@test.invalid");
        assertThat(star.getPhone()).isEqualTo("+229 01 02 03 04");
        assertThat(star.getCreatedBy()).isEqualTo(DPAF);
        assertThat(auditTrail.historyOf(PartnerService.AUDIT_ENTITY, star.getId())).hasSize(1);
        Partner foundation = repository.findById(report.get("rows").get(1).get("partnerId").asLong()).orElseThrow();
        assertThat(foundation.getName()).isEqualTo("Fondation \"Test\" " + s);
        assertThat(foundation.isNationwide()).isTrue();
        assertThat(foundation.getOrganisationType()).isEqualTo("OTHER");
        assertThat(foundation.getRegistrationNumber()).isNull();
    }

    @Test
    void shouldImportACommaFileWithCodesUploadedAsMultipart() {
        String s = unique();
        String csv = "nom,sigle,type,numero_enregistrement,sous_secteurs,domaines,cibles,departements,"
                + "departement_siege,contact,email,telephone\n"
                + "ONG Virgule " + s + ",OV,OSC,IMP2-" + s + ",SOCIAL_AFFAIRS,\"CHILD_PROTECTION,PSYCHOSOCIAL\","
                + "CHILDREN|DISABLED,\"PLATEAU,OUEME\",OUEME,,,\n"
                + "ONG Seule " + s + ",,OSC,IMP3-" + s + ",SOCIAL_AFFAIRS,FAMILY,WOMEN,Atacora,,,,\n";

        JsonNode report = importMultipart(DPAF, csv.getBytes(StandardCharsets.UTF_8)).getBody();

        assertThat(report.get("delimiter").asText()).isEqualTo(",");
        assertThat(statuses(report)).containsExactly("IMPORTED", "IMPORTED");
        Partner comma = repository.findById(report.get("rows").get(0).get("partnerId").asLong()).orElseThrow();
        assertThat(comma.getDomains()).containsExactlyInAnyOrder("CHILD_PROTECTION", "PSYCHOSOCIAL");
        assertThat(comma.getTargetGroups()).containsExactlyInAnyOrder("CHILDREN", "DISABLED");
        assertThat(comma.getDepartments()).containsExactlyInAnyOrder("PLATEAU", "OUEME");
        assertThat(comma.getHeadOfficeDepartment()).isEqualTo("OUEME");
        Partner alone = repository.findById(report.get("rows").get(1).get("partnerId").asLong()).orElseThrow();
        assertThat(alone.getHeadOfficeDepartment()).isEqualTo("ATACORA");
    }

    @Test
    void shouldRejectBadRowsWithTheirReasonsAndStillImportTheGoodOnes() {
        String s = unique();
        String csv = "nom;type;numero_enregistrement;domaines;departements;email;colonne_inconnue\n"
                + "ONG Bonne Un " + s + ";OSC;BAD1-" + s + ";FAMILY;ZOU;;x\n"
                + ";OSC;BAD2-" + s + ";FAMILY;ZOU;;x\n"
                + "ONG Mauvaise " + s + ";OSC;;Astrologie;Zou, Narnia;pas-un-mail;x\n"
                + "ONG Bonne Deux " + s + ";OSC;BAD3-" + s + ";FAMILY;COLLINES;;x\n"
                + "ONG Doublon " + s + ";OSC;BAD1-" + s + ";FAMILY;ZOU;;x\n"
                + "ONG Type " + s + ";ONG;BAD4-" + s + ";FAMILY;ZOU;;x\n";

        JsonNode report = importCsv(DPAF, csv).getBody();

        assertThat(statuses(report)).containsExactly("IMPORTED", "REJECTED", "REJECTED", "IMPORTED", "REJECTED",
                "REJECTED");
        assertThat(report.get("imported").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").asInt()).isEqualTo(4);
        assertThat(report.get("ignoredColumns").get(0).asText()).isEqualTo("colonne_inconnue");
        JsonNode rows = report.get("rows");
        assertThat(rows.get(1).get("row").asInt()).isEqualTo(3);
        assertThat(reasons(rows.get(1))).containsExactly("nom : Le nom est obligatoire");
        assertThat(reasons(rows.get(2))).hasSize(4).anyMatch(r -> r.startsWith("numero_enregistrement :"))
                .anyMatch(r -> r.contains("Astrologie")).anyMatch(r -> r.contains("Narnia"))
                .anyMatch(r -> r.startsWith("email : Adresse e-mail invalide"));
        // a second row with the first row's registration number is a mistake in the file, not a rename
        assertThat(reasons(rows.get(4))).containsExactly(
                "Ligne en double dans le fichier : le même numéro d'enregistrement que la ligne 2");
        assertThat(repository.findByRegistrationNumber("BAD1-" + s).orElseThrow().getName())
                .isEqualTo("ONG Bonne Un " + s);
        assertThat(reasons(rows.get(5))).singleElement().asString().contains("Type de partenaire inconnu");
        assertThat(repository.findByRegistrationNumber("BAD2-" + s)).isEmpty();
        assertThat(repository.findByRegistrationNumber("BAD4-" + s)).isEmpty();
        assertThat(repository.findByRegistrationNumber("BAD3-" + s)).isPresent();
    }

    @Test
    void shouldChangeNothingWhenTheSameFileIsImportedAgainAndUpdateOnlyWhatChanged() {
        String s = unique();
        String csv = "nom;type;numero_enregistrement;domaines;cibles;departements;email\n"
                + "ONG Répétée " + s + ";OSC;REP1-" + s + ";Protection de l'enfant;Enfants;Mono;a@test.invalid\n"
                + "Agence Répétée " + s + ";PTF;;Protection sociale;Femmes;national;\n";
        JsonNode first = importCsv(DPAF, csv).getBody();
        assertThat(statuses(first)).containsExactly("IMPORTED", "IMPORTED");
        long osc = first.get("rows").get(0).get("partnerId").asLong();
        long ptf = first.get("rows").get(1).get("partnerId").asLong();
        Partner before = repository.findById(osc).orElseThrow();

        JsonNode again = importCsv(DPAF, csv).getBody();

        assertThat(statuses(again)).containsExactly("UNCHANGED", "UNCHANGED");
        assertThat(again.get("unchanged").asInt()).isEqualTo(2);
        assertThat(ids(again)).containsExactly(osc, ptf);
        Partner after = repository.findById(osc).orElseThrow();
        assertThat(after.getUpdatedAt()).isEqualTo(before.getUpdatedAt());
        assertThat(after.getVersion()).isEqualTo(before.getVersion());
        assertThat(auditTrail.historyOf(PartnerService.AUDIT_ENTITY, osc)).hasSize(1);
        assertThat(auditTrail.historyOf(PartnerService.AUDIT_ENTITY, ptf)).hasSize(1);

        // the name typed differently still designates the same partner; a changed e-mail updates it
        String changed = "nom;type;numero_enregistrement;email\n"
                + "ONG Répétée " + s + ";OSC;REP1-" + s + ";b@test.invalid\n"
                + "  agence   repetee " + s.toLowerCase() + ";ptf;;\n";
        JsonNode third = importCsv(DPAF, changed).getBody();

        assertThat(statuses(third)).containsExactly("UPDATED", "UNCHANGED");
        Partner updated = repository.findById(osc).orElseThrow();
        assertThat(updated.getEmail()).isEqualTo("b@test.invalid");
        // empty or absent cells keep the stored values
        assertThat(updated.getDomains()).containsExactly("CHILD_PROTECTION");
        assertThat(updated.getDepartments()).containsExactly("MONO");
        assertThat(auditTrail.historyOf(PartnerService.AUDIT_ENTITY, osc)).hasSize(2);
        assertThat(repository.findById(ptf).orElseThrow().getName()).isEqualTo("Agence Répétée " + s);
    }

    @Test
    void shouldLeaveNoHalfWrittenPartnerWhenARowFailsInTheDatabase() {
        String s = unique();
        String doomed = "ONG Condamnée " + s;
        // a database-level failure after the partner row is inserted: its domains are refused
        jdbc.execute("""
                create or replace function test_refuse_doomed_domain() returns trigger as $$
                begin
                  if exists (select 1 from partner where id = new.partner_id and name like 'ONG Condamnée %') then
                    raise exception 'domain refused for test';
                  end if;
                  return new;
                end $$ language plpgsql""");
        jdbc.execute("create trigger test_refuse_doomed_domain before insert on partner_domain "
                + "for each row execute function test_refuse_doomed_domain()");
        try {
            String csv = "nom;type;numero_enregistrement;domaines;departements\n"
                    + "ONG Avant " + s + ";OSC;DB1-" + s + ";FAMILY;ZOU\n"
                    + doomed + ";OSC;DB2-" + s + ";FAMILY;ZOU\n"
                    + "ONG Après " + s + ";OSC;DB3-" + s + ";FAMILY;ZOU\n";

            JsonNode report = importCsv(DPAF, csv).getBody();

            assertThat(statuses(report)).containsExactly("IMPORTED", "REJECTED", "IMPORTED");
            assertThat(reasons(report.get("rows").get(1))).singleElement().asString().contains("base de données");
        } finally {
            jdbc.execute("drop trigger test_refuse_doomed_domain on partner_domain");
            jdbc.execute("drop function test_refuse_doomed_domain()");
        }
        assertThat(jdbc.queryForObject("select count(*) from partner where name = ?", Integer.class, doomed)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from partner_department d left join partner p "
                + "on p.id = d.partner_id where p.id is null", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where details like ?", Integer.class,
                "%" + doomed + "%")).isZero();
        assertThat(repository.findByRegistrationNumber("DB3-" + s)).isPresent();
    }

    @Test
    void shouldApplyTheAccessRulesRowByRow() {
        String s = unique();
        String csv = "nom;type;numero_enregistrement;departements\n"
                + "ONG Chez Moi " + s + ";OSC;ACC1-" + s + ";Borgou\n"
                + "ONG Chez Autrui " + s + ";OSC;ACC2-" + s + ";Alibori\n";

        JsonNode report = importCsv(CPS_BORGOU, csv).getBody();

        assertThat(statuses(report)).containsExactly("IMPORTED", "REJECTED");
        assertThat(reasons(report.get("rows").get(1))).singleElement().asString().contains("Borgou");
        assertThat(repository.findByRegistrationNumber("ACC2-" + s)).isEmpty();
        assertThat(repository.findByRegistrationNumber("ACC1-" + s).orElseThrow().getCreatedBy()).isEqualTo(CPS_BORGOU);

        ResponseEntity<JsonNode> manager = importCsv(MANAGER, csv);
        assertThat(manager.getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void shouldRefuseAFileWithoutTheRequiredColumnsOrContent() {
        ResponseEntity<JsonNode> noKind = importCsv(DPAF, "nom;sigle\nONG X;X\n");
        assertThat(noKind.getStatusCode().value()).isEqualTo(400);
        assertThat(noKind.getBody().get("message").asText()).contains("type");
        assertThat(importCsv(DPAF, "   ").getStatusCode().value()).isEqualTo(400);
        assertThat(importCsv(DPAF, "nom;type\n\"ONG pas fermée;OSC\n").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void shouldReadAWindows1252FileAsExcelSavesIt() {
        String s = unique();
        String csv = "Nom;Type;Numéro d'enregistrement;Départements\nONG Élan " + s + ";OSC;W1-" + s + ";Ouémé\n";
        JsonNode report = importMultipart(DPAF, csv.getBytes(Charset.forName("windows-1252"))).getBody();
        assertThat(statuses(report)).containsExactly("IMPORTED");
        Partner partner = repository.findByRegistrationNumber("W1-" + s).orElseThrow();
        assertThat(partner.getName()).isEqualTo("ONG Élan " + s);
        assertThat(partner.getDepartments()).containsExactly("OUEME");
    }

    @Test
    void shouldImportTheExampleOfTheReadme() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## Partner registry"));
        String example = section.substring(section.indexOf("```csv") + 6, section.indexOf("```", section.indexOf("```csv") + 6));
        String s = unique();
        String csv = example.replace("ONG-2019-0042", "README-" + s)
                .replace("ONG Lumière Fictive du Zou", "ONG Lumière Fictive du Zou " + s)
                .replace("Agence Imaginaire de Coopération", "Agence Imaginaire de Coopération " + s);

        JsonNode report = importCsv(DPAF, csv).getBody();

        assertThat(statuses(report)).containsExactly("IMPORTED", "IMPORTED");
        Partner osc = repository.findByRegistrationNumber("README-" + s).orElseThrow();
        assertThat(osc.getDomains()).containsExactlyInAnyOrder("CHILD_PROTECTION", "WOMEN_EMPOWERMENT_GBV");
        assertThat(osc.getHeadOfficeDepartment()).isEqualTo("ZOU");
        Partner ptf = repository.findById(report.get("rows").get(1).get("partnerId").asLong()).orElseThrow();
        assertThat(ptf.isNationwide()).isTrue();
        assertThat(ptf.getSubSectors()).containsExactlyInAnyOrder("SOCIAL_AFFAIRS", "MICROFINANCE");
    }

    @Test
    void shouldMatchHeadersWhateverTheirCaseAccentsAndSmallWords() {
        assertThat(PartnerCsvImporter.headerKey("Numéro d'enregistrement"))
                .isEqualTo(PartnerCsvImporter.headerKey("numero_enregistrement"))
                .isEqualTo(PartnerCsvImporter.headerKey("N° D’ENREGISTREMENT".replace("N°", "numéro")));
        assertThat(PartnerCsvImporter.headerKey("Département du siège"))
                .isEqualTo(PartnerCsvImporter.headerKey("departement_siege"));
        assertThat(PartnerCsvImporter.headerKey("Sous-secteurs")).isEqualTo(PartnerCsvImporter.headerKey("sous_secteurs"));
        assertThat(PartnerCsvImporter.headerKey("Départements")).isNotEqualTo(PartnerCsvImporter.headerKey("departement_siege"));
        assertThat(PartnerCsvImporter.detectDelimiter("\"a,b\";c;d\n1,2,3,4,5")).isEqualTo(';');
        assertThat(PartnerCsvImporter.detectDelimiter("nom,type\nx;y;z")).isEqualTo(',');
    }

    private static List<String> statuses(JsonNode report) {
        List<String> statuses = new ArrayList<>();
        report.get("rows").forEach(row -> statuses.add(row.get("status").asText()));
        return statuses;
    }

    private static List<Long> ids(JsonNode report) {
        List<Long> ids = new ArrayList<>();
        report.get("rows").forEach(row -> ids.add(row.get("partnerId").asLong()));
        return ids;
    }

    private static List<String> reasons(JsonNode row) {
        List<String> reasons = new ArrayList<>();
        row.get("reasons").forEach(r -> reasons.add(r.asText()));
        return reasons;
    }
}
