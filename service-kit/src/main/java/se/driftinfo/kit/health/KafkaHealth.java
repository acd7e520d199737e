package se.driftinfo.kit.health;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.reactive.messaging.health.HealthReport;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import se.driftinfo.kit.config.KafkaSettings;

/**
 * Kafka's state, at {@code /q/health/group/kafka}: whether the brokers answer, and each channel's
 * readiness and liveness as SmallRye Reactive Messaging sees them.
 *
 * <p>Deliberately <b>not</b> part of readiness or liveness ({@code /q/health/ready}, {@code /live}):
 * while the broker is away the pages, the form and the feeds still work, the outbox keeps every event
 * and the consumers resume where they were, so taking the pods out of service (or restarting them)
 * would only turn a Kafka outage into a full one. Alert on this group (and on
 * {@code driftinfo_outbox_oldest_unsent_seconds}) instead.
 */
@HealthGroup("kafka")
@ApplicationScoped
public class KafkaHealth implements HealthCheck {

    private final Map<String, Object> kafka;
    private final HealthCenter channels;

    public KafkaHealth(@Identifier("default-kafka-broker") Map<String, Object> kafka, HealthCenter channels) {
        this.kafka = kafka;
        this.channels = channels;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Kafka (not part of readiness)");
        boolean up;
        try (Admin admin = Admin.create(adminConfig())) {
            int brokers =
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
            response.withData("brokers", brokers);
            up = brokers > 0;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            response.withData("brokers", "unreachable: " + e.getClass().getSimpleName());
            up = false;
        }
        up &= report(response, "ready", channels.getReadiness());
        up &= report(response, "alive", channels.getLiveness());
        return response.status(up).build();
    }

    private static boolean report(HealthCheckResponseBuilder response, String what, HealthReport report) {
        for (HealthReport.ChannelInfo channel : report.getChannels()) {
            String state = channel.isOk() ? what : "not " + what;
            response.withData(
                    channel.getChannel() + " " + what,
                    channel.getMessage() == null ? state : state + ": " + channel.getMessage());
        }
        return report.isOk();
    }

    private Map<String, Object> adminConfig() {
        return KafkaSettings.forClient(
                kafka,
                AdminClientConfig.configNames(),
                Map.of(
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000,
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000));
    }
}
