package bj.gouv.masm.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.support.IntegrationTestBase;
import bj.gouv.masm.support.SourceScan;
import java.sql.Date;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "In force" is one rule (ConventionTerms): ACTIVE, from the start date up to the day before the end date
 * (the lifecycle expires the convention on its end date at 00:00). Java and SQL agree on every edge, and no
 * other class compares a convention's dates itself.
 */
class InForceRuleTests extends IntegrationTestBase {

    private static final LocalDate START = LocalDate.of(2030, 3, 10);
    private static final LocalDate END = LocalDate.of(2031, 3, 10);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldBeInForceFromTheStartDateUpToTheDayBeforeTheEndDate() {
        assertThat(ConventionTerms.isInForce(ConventionStatus.ACTIVE, START, END, START.minusDays(1))).isFalse();
        assertThat(ConventionTerms.isInForce(ConventionStatus.ACTIVE, START, END, START)).isTrue();
        assertThat(ConventionTerms.isInForce(ConventionStatus.ACTIVE, START, END, END.minusDays(1))).isTrue();
        // the end date is the expiry day: no longer in force (CPS support is refused that day)
        assertThat(ConventionTerms.isInForce(ConventionStatus.ACTIVE, START, END, END)).isFalse();
        assertThat(ConventionTerms.isInForce(ConventionStatus.SUSPENDED, START, END, START.plusDays(1))).isFalse();
        assertThat(ConventionTerms.isInForce(ConventionStatus.EXPIRED, START, END, START.plusDays(1))).isFalse();
    }

    @Test
    void shouldAgreeInJavaAndSqlOnEveryEdge() {
        for (ConventionStatus status : ConventionStatus.values()) {
            for (LocalDate day : new LocalDate[] {START.minusDays(1), START, END.minusDays(1), END, END.plusDays(1)}) {
                Integer sql = jdbc.queryForObject("select count(*) from (select cast(? as varchar) as status, "
                                + "cast(? as date) as start_date, cast(? as date) as end_date) c where "
                                + ConventionTerms.inForceOnSql("c", "cast(? as date)"), Integer.class,
                        status.name(), Date.valueOf(START), Date.valueOf(END), Date.valueOf(day), Date.valueOf(day));
                assertThat(sql == 1).as(status + " on " + day)
                        .isEqualTo(ConventionTerms.isInForce(status, START, END, day));
            }
        }
    }

    @Test
    void shouldRunDuringAPeriodOnlyWhenInForceOnOneOfItsDays() {
        // a convention ending on the first day of a quarter ran its last day the day before: not during it
        assertThat(ConventionTerms.runsDuring(START, END, END, END.plusMonths(3))).isFalse();
        assertThat(ConventionTerms.runsDuring(START, END, END.minusDays(1), END.plusMonths(3))).isTrue();
        assertThat(ConventionTerms.runsDuring(START, END, START.minusMonths(3), START)).isTrue();
        assertThat(ConventionTerms.runsDuring(START, END, START.minusMonths(3), START.minusDays(1))).isFalse();
        for (LocalDate from : new LocalDate[] {START.minusDays(5), END.minusDays(1), END}) {
            LocalDate to = from.plusDays(2);
            Integer sql = jdbc.queryForObject("select count(*) from (select cast(? as date) as start_date, "
                            + "cast(? as date) as end_date) c where " + ConventionTerms.runsDuringSql("c", "cast(? as date)",
                            "cast(? as date)"), Integer.class,
                    Date.valueOf(START), Date.valueOf(END), Date.valueOf(to), Date.valueOf(from));
            assertThat(sql == 1).as("from " + from).isEqualTo(ConventionTerms.runsDuring(START, END, from, to));
        }
    }

    @Test
    void shouldLetNoOtherClassCompareAConventionsDates() {
        // SQL on the convention table (alias c) or Java on Convention's getters, outside the conventions feature
        Pattern sql = Pattern.compile("\\bc\\.(end|start)_date\\s*[<>=]");
        Pattern java = Pattern.compile("get(End|Start)Date\\(\\)\\s*\\.is(Before|After)|is(Before|After)\\([a-z]\\w*\\.get(End|Start)Date\\(\\)");
        assertThat(SourceScan.filesMatching("src/main/java", sql))
                .allMatch(file -> file.startsWith("src/main/java/bj/gouv/masm/conventions/"));
        assertThat(SourceScan.filesMatching("src/main/java", java))
                .allMatch(file -> file.startsWith("src/main/java/bj/gouv/masm/conventions/"));
    }
}
