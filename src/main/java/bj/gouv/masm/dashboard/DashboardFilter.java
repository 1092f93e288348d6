package bj.gouv.masm.dashboard;

import bj.gouv.masm.shared.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The dashboard's filters, all optional, as query parameters: {@code department}, {@code domain},
 * {@code kind} (PTF/OSC), {@code subSector}, {@code targetGroup}, {@code convention} (ACTIVE: holds a
 * convention in force, NONE: holds none), {@code nationwide} (true: acts nationwide) and {@code period}
 * ({@code 2026} or {@code 2026-Q3}).
 * <p>
 * A partner is <em>in</em> a department when it is active there ({@code partners.ActiveInDepartment}:
 * nationwide, head office or department of intervention; the nationwide ones also have their own line).
 * Without a period "in force" means in force today ({@code conventions.ConventionTerms}: ACTIVE, up to the
 * day before the end date); with a period it means a convention, not revoked, whose dates overlap the period.
 */
public record DashboardFilter(String department, String domain, String kind, String subSector, String targetGroup,
                              String convention, Boolean nationwide, String period) {

    private static final Pattern PERIOD = Pattern.compile("(\\d{4})(?:-Q([1-4]))?");

    public DashboardFilter {
        department = clean(department);
        domain = clean(domain);
        kind = clean(kind);
        subSector = clean(subSector);
        targetGroup = clean(targetGroup);
        convention = clean(convention);
        period = period == null || period.isBlank() ? null : period.trim().toUpperCase(Locale.ROOT);
        if (kind != null && !kind.equals("PTF") && !kind.equals("OSC")) {
            throw ApiException.badRequest("Type de partenaire inconnu : " + kind + " (PTF ou OSC)");
        }
        if (convention != null && !convention.equals("ACTIVE") && !convention.equals("NONE")) {
            throw ApiException.badRequest("Filtre convention inconnu : " + convention + " (ACTIVE ou NONE)");
        }
        if (period != null && !PERIOD.matcher(period).matches()) {
            throw ApiException.badRequest("Période invalide : " + period + " (AAAA ou AAAA-Qn, par exemple 2026-Q3)");
        }
    }

    public static DashboardFilter none() {
        return new DashboardFilter(null, null, null, null, null, null, null, null);
    }

    public LocalDate periodStart() {
        if (period == null) {
            return null;
        }
        Matcher m = PERIOD.matcher(period);
        m.matches();
        int year = Integer.parseInt(m.group(1));
        return m.group(2) == null ? LocalDate.of(year, 1, 1)
                : LocalDate.of(year, (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
    }

    public LocalDate periodEnd() {
        if (period == null) {
            return null;
        }
        return period.contains("Q") ? periodStart().plusMonths(3).minusDays(1) : periodStart().plusYears(1).minusDays(1);
    }

    public DashboardFilter withDepartment(String value) {
        return new DashboardFilter(value, domain, kind, subSector, targetGroup, convention, nationwide, period);
    }

    public DashboardFilter withDomain(String value) {
        return new DashboardFilter(department, value, kind, subSector, targetGroup, convention, nationwide, period);
    }

    public DashboardFilter withKind(String value) {
        return new DashboardFilter(department, domain, value, subSector, targetGroup, convention, nationwide, period);
    }

    public DashboardFilter withSubSector(String value) {
        return new DashboardFilter(department, domain, kind, value, targetGroup, convention, nationwide, period);
    }

    public DashboardFilter withTargetGroup(String value) {
        return new DashboardFilter(department, domain, kind, subSector, value, convention, nationwide, period);
    }

    public DashboardFilter withConvention(String value) {
        return new DashboardFilter(department, domain, kind, subSector, targetGroup, value, nationwide, period);
    }

    public DashboardFilter withNationwide(Boolean value) {
        return new DashboardFilter(department, domain, kind, subSector, targetGroup, convention, value, period);
    }

    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "department", department);
        put(p, "domain", domain);
        put(p, "kind", kind);
        put(p, "subSector", subSector);
        put(p, "targetGroup", targetGroup);
        put(p, "convention", convention);
        put(p, "nationwide", nationwide == null ? null : nationwide.toString());
        put(p, "period", period);
        return p;
    }

    /** {@code path?param=...} with this filter's parameters. */
    public String link(String path) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
        parameters().forEach(builder::queryParam);
        return builder.encode().build().toUriString();
    }

    /** {@code link} (a path, with or without a query) with one more query parameter; a null value adds nothing. */
    public static String withParameter(String link, String name, Object value) {
        if (value == null) {
            return link;
        }
        return UriComponentsBuilder.fromUriString(link)
                .queryParam(name, UriUtils.encodeQueryParam(String.valueOf(value), StandardCharsets.UTF_8))
                .build(true).toUriString();
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.trim().toUpperCase(Locale.ROOT);
    }
}
