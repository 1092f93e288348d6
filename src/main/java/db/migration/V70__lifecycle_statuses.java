package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Convention lifecycle (issue 11): widens three CHECK constraints of earlier migrations —
 * convention.status gets TERMINATED, dossier.status gets DECLINED (the SGM declined to sign),
 * recommendation.source_type gets MID_TERM_EVALUATION and FINAL_EVALUATION.
 * Those constraints were declared inline, so their names differ between PostgreSQL
 * (convention_status_check) and H2 (CONSTRAINT_xx): they are looked up in the standard
 * information schema (both databases have it), dropped, and recreated with a fixed name.
 */
public class V70__lifecycle_statuses extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        replaceCheck(connection, "convention", "SUSPENDED", "ck_convention_status",
                "status in ('ACTIVE', 'SUSPENDED', 'REVOKED', 'EXPIRED', 'RENEWED', 'TERMINATED')");
        replaceCheck(connection, "dossier", "UNDER_REVIEW", "ck_dossier_status",
                "status in ('FILED', 'INCOMPLETE', 'UNDER_REVIEW', 'ACCEPTED', 'REJECTED', 'ABANDONED', 'SIGNED', "
                        + "'CANCELLED', 'DECLINED')");
        replaceCheck(connection, "recommendation", "DEPARTMENTAL_REVIEW", "ck_recommendation_source_type",
                "source_type in ('DEPARTMENTAL_REVIEW', 'NATIONAL_REVIEW', 'JOINT_COMMISSION', "
                        + "'MID_TERM_EVALUATION', 'FINAL_EVALUATION')");
    }

    /** Drops every CHECK constraint of the table whose clause mentions {@code marker}, then adds the new one. */
    static void replaceCheck(Connection connection, String table, String marker, String name, String clause)
            throws SQLException {
        for (String existing : checkConstraints(connection, table, marker)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("alter table " + table + " drop constraint \"" + existing + "\"");
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table " + table + " add constraint " + name + " check (" + clause + ")");
        }
    }

    static List<String> checkConstraints(Connection connection, String table, String marker) throws SQLException {
        String sql = "select tc.constraint_name from information_schema.table_constraints tc"
                + " join information_schema.check_constraints cc on cc.constraint_name = tc.constraint_name"
                + " and cc.constraint_schema = tc.constraint_schema"
                + " where lower(tc.table_name) = ? and tc.constraint_type = 'CHECK'"
                + " and tc.table_schema = current_schema() and upper(cc.check_clause) like ?";
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, table.toLowerCase());
            query.setString(2, "%" + marker.toUpperCase() + "%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }
}
