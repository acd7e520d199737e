package se.driftinfo.kit.health;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.infra.Ports;

/** The real database, and Kafka's address pointing where no broker answers: a broker outage. */
public class NoBrokerResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        InfraTestResource infra = new InfraTestResource();
        infra.init(Map.of("database", "maintenance"));
        Map<String, String> config = new HashMap<>(infra.start());
        config.put("kafka.bootstrap.servers", "127.0.0.1:" + Ports.free());
        return config;
    }

    @Override
    public void stop() {}
}
