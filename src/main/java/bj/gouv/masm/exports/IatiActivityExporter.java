package bj.gouv.masm.exports;

import bj.gouv.masm.conventions.ConventionReadQueries;
import bj.gouv.masm.conventions.ConventionReadQueries.ConventionWithPartner;
import bj.gouv.masm.conventions.ConventionStatus;
import bj.gouv.masm.partners.PartnerReadQueries;
import bj.gouv.masm.reporting.ReportingReadQueries;
import bj.gouv.masm.reporting.ReportingReadQueries.ConventionActivity;
import bj.gouv.masm.reference.ReferenceCategory;
import bj.gouv.masm.reference.ReferenceDataService;
import bj.gouv.masm.security.AccessScope;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conventions and their activities as IATI 2.03 activity XML.
 * <ul>
 * <li>One parent activity (hierarchy 1) per convention, identifier {@code <reporting-org ref>-<convention number>};
 * one child activity (hierarchy 2) per activity reported in its quarterly reports, identifier
 * {@code <convention identifier>-A<activity id>}, linked both ways by related-activity (1 parent, 2 child).</li>
 * <li>participating-org: the Ministry is Accountable (2); a PTF partner is Funding (1); an OSC partner is
 * Implementing (4); {@code type} from ref_organisation_type.iati_code; a partner's {@code ref} is given only
 * when its registration number is an IATI organisation identifier (e.g. {@code XM-DAC-41119}).</li>
 * <li>activity-status from the convention status: ACTIVE 2 Implementation, SUSPENDED 6 Suspended, EXPIRED and
 * RENEWED 4 Closed, REVOKED 5 Cancelled; a child is 4 once its end date has passed, else 2.</li>
 * <li>activity-date: 1 planned start and 2 actual start (start date), 3 planned end (end date), 4 actual end
 * (end date of an expired/renewed convention, revocation date of a revoked one).</li>
 * <li>recipient-country BJ; location named after the department (and, for a child, the commune).</li>
 * <li>sector: DAC 5-digit codes (vocabulary 1) mapped from our domains ({@link #DAC_SECTORS}); percentages
 * split evenly and summing to 100.</li>
 * <li>budget in XOF (default-currency): a child's budget is the activity's reported budget over its dates;
 * a parent's budgets are the sums per calendar year of its activities (a budget period stays within a year).</li>
 * </ul>
 */
@Service
public class IatiActivityExporter {

    /** Our domains → DAC 5-digit purpose codes (Sector.xml), documented in README. */
    public static final Map<String, String> DAC_SECTORS = Map.ofEntries(
            Map.entry("WOMEN_EMPOWERMENT_GBV", "15180"), // Ending violence against women and girls
            Map.entry("CHILD_PROTECTION", "16015"),      // Social services (incl youth development and women+children)
            Map.entry("SOCIAL_PROTECTION", "16010"),     // Social protection
            Map.entry("FAMILY", "16015"),                // Social services (households with dependent children)
            Map.entry("GENDER_EQUALITY", "15170"),       // Women's rights organisations and movements, and government institutions
            Map.entry("DISABILITY", "16010"),            // Social protection (programmes for persons with disabilities)
            Map.entry("ELDERLY", "16010"),               // Social protection (programmes for older persons)
            Map.entry("FINANCIAL_INCLUSION", "24030"),   // Formal sector financial intermediaries
            Map.entry("MICROFINANCE", "24040"),          // Informal/semi-formal financial intermediaries (micro credit)
            Map.entry("HUMANITARIAN", "72010"),          // Material relief assistance and services
            Map.entry("PSYCHOSOCIAL", "12340"));         // Promotion of mental health and well-being
    /** Any domain added later without a mapping: social protection. */
    public static final String DEFAULT_SECTOR = "16010";

    private static final Pattern IATI_ORG_ID = Pattern.compile("[A-Z]{2}-[A-Z0-9]+-[A-Za-z0-9._-]+");
    private static final String NS_XML = "http://www.w3.org/XML/1998/namespace";

    private final ConventionReadQueries conventionQueries;
    private final ReportingReadQueries reporting;
    private final PartnerReadQueries partners;
    private final ReferenceDataService reference;
    private final AccessScope scope;
    private final Clock clock;
    private final String ministryRef;
    private final String ministryName;

    public IatiActivityExporter(ConventionReadQueries conventionQueries, ReportingReadQueries reporting,
                                PartnerReadQueries partners, ReferenceDataService reference, AccessScope scope,
                                Clock clock,
                                @Value("${masm.iati.reporting-org-ref:BJ-MASM}") String ministryRef,
                                @Value("${masm.iati.reporting-org-name:Ministère des Affaires Sociales et de la Microfinance}")
                                String ministryName) {
        this.conventionQueries = conventionQueries;
        this.reporting = reporting;
        this.partners = partners;
        this.reference = reference;
        this.scope = scope;
        this.clock = clock;
        this.ministryRef = ministryRef;
        this.ministryName = ministryName;
    }

    @Transactional(readOnly = true)
    public byte[] export() {
        List<ConventionWithPartner> conventions = conventionQueries.withPartners(scope.seesAllDepartments() ? null
                : scope.cpsDepartments().isEmpty() ? Set.of("-") : scope.cpsDepartments());
        Map<Long, List<ConventionActivity>> activities = new HashMap<>();
        for (ConventionActivity a : reporting.activitiesByConvention()) {
            activities.computeIfAbsent(a.conventionId(), k -> new ArrayList<>()).add(a);
        }
        Map<Long, Set<String>> partnerDomains = partners.codes(PartnerReadQueries.Codes.DOMAINS);
        Map<Long, LocalDate> revokedOn = conventionQueries.revocationDays(clock.getZone());
        return write(conventions, activities, partnerDomains, revokedOn);
    }

    private byte[] write(List<ConventionWithPartner> conventions, Map<Long, List<ConventionActivity>> activities,
                         Map<Long, Set<String>> partnerDomains, Map<Long, LocalDate> revokedOn) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance()
                    .createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("iati-activities");
            xml.writeAttribute("version", "2.03");
            xml.writeAttribute("generated-datetime", now());
            LocalDate today = LocalDate.now(clock);
            for (ConventionWithPartner c : conventions) {
                List<ConventionActivity> children = activities.getOrDefault(c.id(), List.of());
                writeConvention(xml, c, children, partnerDomains.getOrDefault(c.partnerId(), Set.of()),
                        revokedOn.get(c.id()));
                for (ConventionActivity a : children) {
                    writeActivity(xml, c, a, today);
                }
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("IATI export failed", e);
        }
        return out.toByteArray();
    }

    public String identifier(String conventionNumber) {
        return ministryRef + "-" + conventionNumber;
    }

    private void writeConvention(XMLStreamWriter xml, ConventionWithPartner c, List<ConventionActivity> children,
                                 Set<String> partnerDomains, LocalDate revokedOn) throws XMLStreamException {
        startActivity(xml, 1, c.updatedAt());
        text(xml, "iati-identifier", identifier(c.number()));
        reportingOrg(xml);
        narrativeElement(xml, "title", "Convention " + c.number() + " — " + c.partnerName());
        narrativeElement(xml, "description", "Convention de partenariat entre le " + ministryName + " et "
                + c.partnerName() + (c.acronym() == null ? "" : " (" + c.acronym() + ")") + ", du " + c.start()
                + " au " + c.end() + ".");
        participatingOrgs(xml, c);
        empty(xml, "activity-status", "code", conventionStatus(c.status()));
        date(xml, "1", c.start());
        date(xml, "2", c.start());
        date(xml, "3", c.end());
        if (c.status() == ConventionStatus.EXPIRED || c.status() == ConventionStatus.RENEWED) {
            date(xml, "4", c.end());
        } else if (c.status() == ConventionStatus.REVOKED && revokedOn != null) {
            date(xml, "4", revokedOn);
        }
        Set<String> departments = new LinkedHashSet<>();
        if (c.department() != null) {
            departments.add(c.department());
        }
        children.forEach(a -> departments.add(a.department()));
        empty(xml, "activity-scope", "code", departments.size() == 1 ? "7" : departments.isEmpty() ? "4" : "6");
        recipientCountry(xml);
        for (String department : departments) {
            location(xml, department, null);
        }
        Set<String> domains = new LinkedHashSet<>();
        children.forEach(a -> domains.add(a.domain()));
        if (domains.isEmpty()) {
            domains.addAll(partnerDomains);
        }
        sectors(xml, domains);
        Map<Integer, Long> perYear = new TreeMap<>();
        children.forEach(a -> perYear.merge(a.start().getYear(), a.budget(), Long::sum));
        for (Map.Entry<Integer, Long> year : perYear.entrySet()) {
            LocalDate from = max(c.start(), LocalDate.of(year.getKey(), 1, 1));
            LocalDate to = min(c.end(), LocalDate.of(year.getKey(), 12, 31));
            if (to.isBefore(from)) {
                to = from;
            }
            budget(xml, from, to, year.getValue());
        }
        for (ConventionActivity a : children) {
            related(xml, identifier(c.number()) + "-A" + a.id(), "2");
        }
        xml.writeEndElement();
    }

    private void writeActivity(XMLStreamWriter xml, ConventionWithPartner c, ConventionActivity a, LocalDate today)
            throws XMLStreamException {
        startActivity(xml, 2, c.updatedAt());
        text(xml, "iati-identifier", identifier(c.number()) + "-A" + a.id());
        reportingOrg(xml);
        String title = a.description().length() > 120 ? a.description().substring(0, 117) + "…" : a.description();
        narrativeElement(xml, "title", title);
        narrativeElement(xml, "description", a.description() + " — groupe cible : "
                + reference.label(ReferenceCategory.TARGET_GROUP, a.targetGroup()) + ".");
        participatingOrgs(xml, c);
        empty(xml, "activity-status", "code", a.end().isBefore(today) ? "4" : "2");
        date(xml, "1", a.start());
        date(xml, "2", a.start());
        date(xml, "3", a.end());
        if (a.end().isBefore(today)) {
            date(xml, "4", a.end());
        }
        empty(xml, "activity-scope", "code", a.commune() == null ? "7" : "8");
        recipientCountry(xml);
        location(xml, a.department(), a.commune());
        sectors(xml, Set.of(a.domain()));
        budget(xml, a.start(), a.end(), a.budget());
        related(xml, identifier(c.number()), "1");
        xml.writeEndElement();
    }

    private void startActivity(XMLStreamWriter xml, int hierarchy, OffsetDateTime updatedAt) throws XMLStreamException {
        xml.writeStartElement("iati-activity");
        xml.writeAttribute("xml", NS_XML, "lang", "fr");
        xml.writeAttribute("default-currency", "XOF");
        xml.writeAttribute("hierarchy", String.valueOf(hierarchy));
        if (updatedAt != null) {
            xml.writeAttribute("last-updated-datetime",
                    updatedAt.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
    }

    private void reportingOrg(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("reporting-org");
        xml.writeAttribute("ref", ministryRef);
        xml.writeAttribute("type", "10");
        narrative(xml, ministryName);
        xml.writeEndElement();
    }

    private void participatingOrgs(XMLStreamWriter xml, ConventionWithPartner c) throws XMLStreamException {
        String partnerName = c.partnerName() + (c.acronym() == null || c.acronym().isBlank() ? "" : " (" + c.acronym() + ")");
        String partnerRef = c.registrationNumber() != null && IATI_ORG_ID.matcher(c.registrationNumber()).matches()
                ? c.registrationNumber() : null;
        if ("PTF".equals(c.kind())) {
            participatingOrg(xml, "1", partnerRef, c.orgType(), partnerName);
        }
        participatingOrg(xml, "2", ministryRef, "10", ministryName);
        if ("OSC".equals(c.kind())) {
            participatingOrg(xml, "4", partnerRef, c.orgType(), partnerName);
        }
    }

    private void participatingOrg(XMLStreamWriter xml, String role, String ref, String type, String name)
            throws XMLStreamException {
        xml.writeStartElement("participating-org");
        if (ref != null) {
            xml.writeAttribute("ref", bj.gouv.masm.shared.XmlText.strip(ref));
        }
        xml.writeAttribute("type", type);
        xml.writeAttribute("role", role);
        narrative(xml, name);
        xml.writeEndElement();
    }

    private void recipientCountry(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("recipient-country");
        xml.writeAttribute("code", "BJ");
        xml.writeAttribute("percentage", "100");
        narrative(xml, "Bénin");
        xml.writeEndElement();
    }

    private void location(XMLStreamWriter xml, String department, String commune) throws XMLStreamException {
        String label = reference.label(ReferenceCategory.DEPARTMENT, department);
        xml.writeStartElement("location");
        xml.writeAttribute("ref", "BJ-" + department + (commune == null ? "" : "-" + commune.replaceAll("[^A-Za-z0-9]", "")));
        xml.writeEmptyElement("location-reach");
        xml.writeAttribute("code", "1");
        narrativeElement(xml, "name", commune == null ? label : commune + " (" + label + ")");
        narrativeElement(xml, "description", commune == null ? "Département " + label
                : "Commune de " + commune + ", département " + label);
        xml.writeEmptyElement("exactness");
        xml.writeAttribute("code", "2");
        xml.writeEmptyElement("location-class");
        xml.writeAttribute("code", "1");
        xml.writeEndElement();
    }

    private void sectors(XMLStreamWriter xml, Set<String> domains) throws XMLStreamException {
        Map<String, String> codes = new LinkedHashMap<>();
        for (String domain : domains) {
            codes.putIfAbsent(DAC_SECTORS.getOrDefault(domain, DEFAULT_SECTOR),
                    reference.label(ReferenceCategory.DOMAIN, domain));
        }
        if (codes.isEmpty()) {
            codes.put(DEFAULT_SECTOR, "Protection sociale");
        }
        int n = codes.size();
        int share = 100 / n;
        int first = 100 - share * (n - 1);
        int i = 0;
        for (Map.Entry<String, String> code : codes.entrySet()) {
            xml.writeStartElement("sector");
            xml.writeAttribute("vocabulary", "1");
            xml.writeAttribute("code", code.getKey());
            xml.writeAttribute("percentage", String.valueOf(i++ == 0 ? first : share));
            narrative(xml, code.getValue());
            xml.writeEndElement();
        }
    }

    private void budget(XMLStreamWriter xml, LocalDate from, LocalDate to, long value) throws XMLStreamException {
        xml.writeStartElement("budget");
        xml.writeAttribute("type", "1");
        xml.writeAttribute("status", "2");
        xml.writeEmptyElement("period-start");
        xml.writeAttribute("iso-date", from.toString());
        xml.writeEmptyElement("period-end");
        xml.writeAttribute("iso-date", to.toString());
        xml.writeStartElement("value");
        xml.writeAttribute("currency", "XOF");
        xml.writeAttribute("value-date", from.toString());
        xml.writeCharacters(String.valueOf(value));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void related(XMLStreamWriter xml, String ref, String type) throws XMLStreamException {
        xml.writeEmptyElement("related-activity");
        xml.writeAttribute("ref", ref);
        xml.writeAttribute("type", type);
    }

    private static void date(XMLStreamWriter xml, String type, LocalDate date) throws XMLStreamException {
        xml.writeEmptyElement("activity-date");
        xml.writeAttribute("type", type);
        xml.writeAttribute("iso-date", date.toString());
    }

    private static void empty(XMLStreamWriter xml, String element, String attribute, String value)
            throws XMLStreamException {
        xml.writeEmptyElement(element);
        xml.writeAttribute(attribute, value);
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        // a value stored before forbidden characters were refused on input must not break the document
        xml.writeCharacters(bj.gouv.masm.shared.XmlText.strip(value));
        xml.writeEndElement();
    }

    private static void narrativeElement(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        narrative(xml, value);
        xml.writeEndElement();
    }

    private static void narrative(XMLStreamWriter xml, String value) throws XMLStreamException {
        text(xml, "narrative", value);
    }

    static String conventionStatus(ConventionStatus status) {
        return switch (status) {
            case ACTIVE -> "2";
            case SUSPENDED -> "6";
            case EXPIRED, RENEWED, TERMINATED -> "4";
            case REVOKED -> "5";
        };
    }

    private String now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
