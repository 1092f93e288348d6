package bj.gouv.masm.exports;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.conventions.Convention;
import bj.gouv.masm.conventions.ConventionRepository;
import bj.gouv.masm.conventions.ConventionStatus;
import bj.gouv.masm.dashboard.SectorFixture;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerKind;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.support.IntegrationTestBase;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class IatiExportTests extends IntegrationTestBase {

    @Autowired
    IatiActivityExporter exporter;
    @Autowired
    PartnerRepository partners;
    @Autowired
    ConventionRepository conventions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldExportConventionsAndActivitiesAsIatiXmlValidAgainstTheOfficialSchema() throws Exception {
        SectorFixture fixture = new SectorFixture(partners, conventions, jdbc);
        Partner osc = fixture.osc("ATACORA", "WOMEN_EMPOWERMENT_GBV", "WOMEN");
        Partner ptf = fixture.partner("Programme", PartnerKind.PTF, "LITTORAL", Set.of(), Set.of("MICROFINANCE",
                "FINANCIAL_INCLUSION"), Set.of("WOMEN"), Set.of("MICROFINANCE"), true);
        Convention active = fixture.convention(osc, ConventionStatus.ACTIVE, LocalDate.of(2025, 7, 1), 24);
        Convention revoked = fixture.convention(ptf, ConventionStatus.REVOKED, LocalDate.of(2024, 1, 1), 36);
        jdbc.update("insert into convention_status_change (convention_id, changed_at, changed_by, from_status, "
                + "to_status, reason) values (?, ?, 'test', 'ACTIVE', 'REVOKED', 'test')", revoked.getId(),
                OffsetDateTime.parse("2025-05-10T10:00:00+01:00"));
        long report = fixture.report(active, "ATACORA", 2025, 3, "RECEIVED", "ON_TIME");
        long activity = fixture.activity(report, osc.getId(), "ATACORA", "Natitingou", "WOMEN_EMPOWERMENT_GBV", "WOMEN",
                LocalDate.of(2025, 7, 10), LocalDate.of(2025, 9, 30), 2_500_000);
        fixture.activity(report, osc.getId(), "ATACORA", null, "PSYCHOSOCIAL", "WOMEN",
                LocalDate.of(2025, 8, 1), LocalDate.of(2025, 8, 31), 500_000);

        byte[] xml = exporter.export();

        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        var schema = factory.newSchema(getClass().getResource("/iati/iati-activities-schema.xsd"));
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));

        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        Document doc = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        XPath xp = XPathFactory.newInstance().newXPath();
        String id = exporter.identifier(active.getNumber());
        String parent = "/iati-activities/iati-activity[iati-identifier='" + id + "']";
        assertThat(xp.evaluate(parent + "/@hierarchy", doc)).isEqualTo("1");
        assertThat(xp.evaluate(parent + "/@default-currency", doc)).isEqualTo("XOF");
        assertThat(xp.evaluate(parent + "/reporting-org/@type", doc)).isEqualTo("10");
        assertThat(xp.evaluate(parent + "/activity-status/@code", doc)).isEqualTo("2");
        assertThat(xp.evaluate(parent + "/participating-org[@role='2']/@type", doc)).isEqualTo("10");
        assertThat(xp.evaluate(parent + "/participating-org[@role='4']/@type", doc)).isEqualTo("22");
        assertThat(xp.evaluate(parent + "/participating-org[@role='4']/narrative", doc)).contains(fixture.run);
        assertThat(xp.evaluate(parent + "/activity-date[@type='1']/@iso-date", doc)).isEqualTo("2025-07-01");
        assertThat(xp.evaluate(parent + "/activity-date[@type='3']/@iso-date", doc)).isEqualTo("2027-06-30");
        assertThat(xp.evaluate(parent + "/recipient-country/@code", doc)).isEqualTo("BJ");
        assertThat(xp.evaluate(parent + "/location/name/narrative", doc)).isEqualTo("Atacora");
        assertThat(xp.evaluate("count(" + parent + "/sector)", doc)).isEqualTo("2");
        assertThat(xp.evaluate("sum(" + parent + "/sector/@percentage)", doc)).isEqualTo("100");
        assertThat(xp.evaluate(parent + "/sector[@code='15180']/@vocabulary", doc)).isEqualTo("1");
        assertThat(xp.evaluate(parent + "/budget/value", doc)).isEqualTo("3000000");
        assertThat(xp.evaluate(parent + "/budget/value/@currency", doc)).isEqualTo("XOF");
        assertThat(xp.evaluate("count(" + parent + "/related-activity[@type='2'])", doc)).isEqualTo("2");

        String child = "/iati-activities/iati-activity[iati-identifier='" + id + "-A" + activity + "']";
        assertThat(xp.evaluate(child + "/@hierarchy", doc)).isEqualTo("2");
        assertThat(xp.evaluate(child + "/location/name/narrative", doc)).isEqualTo("Natitingou (Atacora)");
        assertThat(xp.evaluate(child + "/budget/value", doc)).isEqualTo("2500000");
        assertThat(xp.evaluate(child + "/related-activity[@type='1']/@ref", doc)).isEqualTo(id);
        assertThat(xp.evaluate(child + "/activity-date[@type='4']/@iso-date", doc)).isEqualTo("2025-09-30");

        String ptfActivity = "/iati-activities/iati-activity[iati-identifier='" + exporter.identifier(revoked.getNumber()) + "']";
        assertThat(xp.evaluate(ptfActivity + "/activity-status/@code", doc)).isEqualTo("5");
        assertThat(xp.evaluate(ptfActivity + "/activity-date[@type='4']/@iso-date", doc)).isEqualTo("2025-05-10");
        assertThat(xp.evaluate(ptfActivity + "/participating-org[@role='1']/@type", doc)).isEqualTo("40");
        assertThat(xp.evaluate(ptfActivity + "/activity-scope/@code", doc)).isEqualTo("7");
        assertThat(xp.evaluate("count(" + ptfActivity + "/sector)", doc)).isEqualTo("2");
    }

    @Test
    void shouldMapEveryDomainToAnExistingDacFiveDigitSectorAndStatusesToActivityStatusCodes() throws Exception {
        Set<String> dac = codes("/iati/codelists/Sector.xml");
        List<String> domains = jdbc.queryForList("select code from ref_domain", String.class);
        for (String domain : domains) {
            assertThat(IatiActivityExporter.DAC_SECTORS).as(domain).containsKey(domain);
        }
        assertThat(dac).containsAll(IatiActivityExporter.DAC_SECTORS.values());
        assertThat(dac).contains(IatiActivityExporter.DEFAULT_SECTOR);
        Set<String> statuses = codes("/iati/codelists/ActivityStatus.xml");
        for (ConventionStatus status : ConventionStatus.values()) {
            assertThat(statuses).contains(IatiActivityExporter.conventionStatus(status));
        }
        Set<String> orgTypes = codes("/iati/codelists/OrganisationType.xml");
        assertThat(orgTypes).containsAll(jdbc.queryForList("select iati_code from ref_organisation_type", String.class));
        assertThat(codes("/iati/codelists/OrganisationRole.xml")).contains("1", "2", "4");
    }

    @Test
    void shouldServeTheIatiExportOverHttp() throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/api/exports/iati/activities.xml"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "manager:demo".getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/iati/iati-activities-schema.xsd")).newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(response.body())));
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/api/exports/iati/activities.xml")).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
    }

    private Set<String> codes(String resource) throws Exception {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath()
                    .evaluate("//codelist-item/code", doc, XPathConstants.NODESET);
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                codes.add(nodes.item(i).getTextContent().trim());
            }
            return codes;
        }
    }
}
