package se.driftinfo.notifier.delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The mail queue on {@code /q/metrics}: a growing {@code driftinfo_deliveries{status="PENDING"}} means
 * SMTP is failing; any {@code FAILED} mail was given up and needs a person; {@code CANCELLED} mail
 * was still queued when its subscription ended.
 */
@ApplicationScoped
public class DeliveryMetrics {

    private final MeterRegistry registry;

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void register(@Observes StartupEvent start) {
        for (String status : new String[] {Delivery.PENDING, Delivery.FAILED, Delivery.CANCELLED}) {
            Gauge.builder("driftinfo.deliveries", () -> count(status))
                    .tag("status", status)
                    .description("Mails in the delivery table by status")
                    .register(registry);
        }
    }

    private double count(String status) {
        return QuarkusTransaction.requiringNew().call(() -> (double) Delivery.count("status", status));
    }
}
