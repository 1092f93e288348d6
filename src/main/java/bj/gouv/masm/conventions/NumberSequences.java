package bj.gouv.masm.conventions;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Draws yearly numbers (DOS-2026-0012, CONV-2026-0007). The caller's transaction first locks the
 * sequence's row in {@code number_sequence} ({@code select ... for update}), then bumps or creates the
 * year's counter: concurrent callers wait for each other until commit, so no number is drawn twice,
 * and a rolled-back signature gives its number back. The unique constraints on the numbered tables
 * are the second line of defence.
 */
@Service
@RequiredArgsConstructor
public class NumberSequences {

    public static final String DOSSIER = "DOSSIER";
    public static final String CONVENTION = "CONVENTION";

    private final JdbcTemplate jdbc;

    @Transactional(propagation = Propagation.MANDATORY)
    public int next(String sequence, int year) {
        jdbc.queryForObject("select name from number_sequence where name = ? for update", String.class, sequence);
        int updated = jdbc.update("update number_sequence_value set last_value = last_value + 1 where name = ? and counter_year = ?",
                sequence, year);
        if (updated == 0) {
            jdbc.update("insert into number_sequence_value (name, counter_year, last_value) values (?, ?, 1)", sequence, year);
        }
        Integer value = jdbc.queryForObject("select last_value from number_sequence_value where name = ? and counter_year = ?",
                Integer.class, sequence, year);
        return value;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String nextDossierReference(int year) {
        return String.format("DOS-%d-%04d", year, next(DOSSIER, year));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String nextConventionNumber(int year) {
        return String.format("CONV-%d-%04d", year, next(CONVENTION, year));
    }
}
