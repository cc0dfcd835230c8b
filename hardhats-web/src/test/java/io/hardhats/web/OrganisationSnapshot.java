package io.hardhats.web;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.hardhats.TestDatabase;

/**
 * Everything one organisation holds, as a row count and a hash of the rows of every tenant table
 * (every table with an {@code organization_id}, found in the catalogue, so a new table is
 * covered without a change here). Read as the tables' owner, past row-level security.
 */
final class OrganisationSnapshot implements AutoCloseable {

    private final Connection owner;
    private final String query;
    private final int tables;

    OrganisationSnapshot() throws SQLException {
        owner = DriverManager.getConnection(TestDatabase.url());
        List<String> parts = new ArrayList<>();
        parts.add(part("organizations", "id"));
        try (ResultSet names = owner.createStatement().executeQuery("SELECT table_name FROM information_schema.columns "
                + "WHERE table_schema = 'public' AND column_name = 'organization_id' ORDER BY table_name")) {
            while (names.next()) {
                parts.add(part(names.getString(1), "organization_id"));
            }
        }
        query = String.join(" UNION ALL ", parts);
        tables = parts.size();
    }

    private static String part(String table, String column) {
        return "SELECT '" + table + "' || ':' || count(*) || ':' || coalesce(md5(string_agg(t::text, '|' "
                + "ORDER BY t::text)), '') FROM " + table + " t WHERE " + column + " = ?";
    }

    /** One line per tenant table: {@code table:count:hash}. */
    String of(UUID organizationId) throws SQLException {
        try (PreparedStatement statement = owner.prepareStatement(query)) {
            for (int i = 1; i <= tables; i++) {
                statement.setObject(i, organizationId);
            }
            StringBuilder state = new StringBuilder();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    state.append(rows.getString(1)).append('\n');
                }
            }
            return state.toString();
        }
    }

    @Override
    public void close() throws SQLException {
        owner.close();
    }
}
