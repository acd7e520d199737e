package se.driftinfo.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local run keeps its data: a second start finds the first one's database rows and topics. */
class KeptDataTest {

    @TempDir
    Path dir;

    @Test
    void aRestartWithKeptDataFindsTheDatabaseAndTheTopicsAgain() throws Exception {
        try (Infrastructure first = Infrastructure.start(dir, true, 0)) {
            try (Connection c =
                    DriverManager.getConnection(first.postgres().jdbcUrl("notifier"), "notifier", "notifier")) {
                c.createStatement().execute("create table kept (v text)");
                c.createStatement().execute("insert into kept values ('FU-stopp')");
            }
            first.kafka().createTopics(Set.of("driftinfo.kept"), Set.of());
        }
        try (Infrastructure second = Infrastructure.start(dir, true, 0)) {
            try (Connection c =
                            DriverManager.getConnection(second.postgres().jdbcUrl("notifier"), "notifier", "notifier");
                    ResultSet rs = c.createStatement().executeQuery("select v from kept")) {
                rs.next();
                assertEquals("FU-stopp", rs.getString(1));
            }
            try (var admin = second.kafka().admin()) {
                assertEquals(true, admin.listTopics().names().get().contains("driftinfo.kept"));
            }
        }
    }
}
