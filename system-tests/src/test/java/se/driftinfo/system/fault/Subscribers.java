package se.driftinfo.system.fault;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Many confirmed subscribers, fast and as the product itself would hold them. The first subscribes
 * through the public API and confirms with the link from its confirmation mail; the others are copies
 * of that confirmed row made by one SQL insert in the notifier's database, each with its own address,
 * id and fresh random values in every unique column (the tokens). A clinic would get there by the same
 * API call and confirmation, 2,000 times over; the rate limits, 2,000 confirmation mails and 4,000
 * requests would cost minutes and test nothing more about a fan-out.
 *
 * <p>The copy reads the table's columns and unique indexes from the catalog, so it keeps working when
 * the subscription table gains columns or stores its tokens hashed.
 */
final class Subscribers {

    private Subscribers() {}

    /**
     * @return the addresses, {@code <prefix>-0001@<domain>} …, all confirmed subscribers of {@code
     *     system} in {@code region}
     */
    static List<String> seed(FaultSystem faults, String prefix, String domain, String region, String system, int count)
            throws SQLException {
        List<String> emails = IntStream.rangeClosed(1, count)
                .mapToObj(i -> String.format("%s-%04d@%s", prefix, i, domain))
                .toList();
        DriftinfoApi.subscribeAndConfirm(faults, emails.get(0), region, system);
        try (Connection c = faults.db("notifier")) {
            UUID template = templateId(c, emails.get(0));
            if (count > 1) {
                int inserted = copy(c, template, prefix, domain, count);
                if (inserted != count - 1) {
                    throw new IllegalStateException("Copied " + inserted + " subscriptions, expected " + (count - 1));
                }
            }
        }
        long active = faults.count(
                "notifier",
                "select count(*) from subscription where status = 'ACTIVE' and email like ?",
                prefix + "-%@" + domain);
        if (active != count) {
            throw new IllegalStateException(active + " active subscribers for " + prefix + ", expected " + count);
        }
        return emails;
    }

    private static UUID templateId(Connection c, String email) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("select id from subscription where email = ? and status = 'ACTIVE'")) {
            ps.setString(1, email);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException(
                            "The confirmed subscription of " + email + " is not in the database");
                }
                return (UUID) rs.getObject(1);
            }
        }
    }

    private static int copy(Connection c, UUID template, String prefix, String domain, int count) throws SQLException {
        Set<String> unique = uniqueColumns(c);
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select column_name, data_type, character_maximum_length, is_generated, column_default
                from information_schema.columns where table_name = 'subscription' order by ordinal_position""");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(1);
                String type = rs.getString(2);
                int length = rs.getInt(3);
                if ("ALWAYS".equals(rs.getString(4))) {
                    continue;
                }
                columns.add(name);
                if (name.equals("email")) {
                    values.add("format('%s-%s@%s', ?, lpad(n::text, 4, '0'), ?)");
                } else if (unique.contains(name) && type.equals("uuid")) {
                    values.add("case when t." + name + " is null then null else gen_random_uuid() end");
                } else if (unique.contains(name)) {
                    // A fresh random value per copy, no longer than the column allows.
                    String random = "encode(sha256((gen_random_uuid()::text || '" + name + "')::bytea), 'hex')";
                    values.add("case when t." + name + " is null then null else "
                            + (length > 0 ? "left(" + random + ", " + length + ")" : random) + " end");
                } else {
                    values.add("t." + name);
                }
            }
        }
        String sql = "insert into subscription (" + String.join(", ", columns) + ") select " + String.join(", ", values)
                + " from subscription t, generate_series(2, ?) n where t.id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, prefix);
            ps.setString(2, domain);
            ps.setInt(3, count);
            ps.setObject(4, template);
            return ps.executeUpdate();
        }
    }

    /** Columns that a unique index covers alone (the id, the tokens). */
    private static Set<String> uniqueColumns(Connection c) throws SQLException {
        Set<String> unique = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select a.attname from pg_index i
                join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
                where i.indrelid = 'subscription'::regclass and i.indisunique and i.indnatts = 1""");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                unique.add(rs.getString(1));
            }
        }
        return unique;
    }
}
