package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The recommendations register also receives the recommendations of programme evaluations and of the
 * coordination bodies' meetings (issue 14), besides the convention evaluations' sources V70 added: the check constraint on recommendation.source_type is
 * replaced by a named one with the new sources. A Java migration because V40 left the constraint
 * unnamed: its generated name differs between PostgreSQL and H2, so it is looked up.
 */
public class V102__recommendation_sources extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     select tc.constraint_name, cc.check_clause
                     from information_schema.table_constraints tc
                     join information_schema.check_constraints cc
                       on cc.constraint_name = tc.constraint_name and cc.constraint_schema = tc.constraint_schema
                     where lower(tc.table_name) = 'recommendation' and tc.constraint_type = 'CHECK'""")) {
            while (rs.next()) {
                String clause = rs.getString(2);
                if (clause != null && clause.toLowerCase(Locale.ROOT).contains("source_type")
                        && clause.contains("JOINT_COMMISSION")) {
                    names.add(rs.getString(1));
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String name : names) {
                statement.execute("alter table recommendation drop constraint \"" + name + "\"");
            }
            statement.execute("alter table recommendation add constraint ck_recommendation_source_type check (source_type in "
                    + "('DEPARTMENTAL_REVIEW', 'NATIONAL_REVIEW', 'JOINT_COMMISSION', 'MID_TERM_EVALUATION', "
                    + "'FINAL_EVALUATION', 'PROGRAMME_EVALUATION', 'COORDINATION_MEETING'))");
        }
    }
}
