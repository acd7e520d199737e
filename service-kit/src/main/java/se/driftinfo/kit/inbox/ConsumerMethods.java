package se.driftinfo.kit.inbox;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.arc.InjectableBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The service's own Kafka consumer methods ({@code @Incoming} taking a {@code ConsumerRecord}, or a
 * poll's {@code ConsumerRecords}), by the topic their channel reads. A replayed dead letter goes
 * through the very method that failed on it (a batch method gets a poll of one), so it meets the same
 * ledger, the same snapshot rule and the same CDI events as the first time.
 */
@ApplicationScoped
class ConsumerMethods {

    private final BeanManager beans;
    private final Config config;
    private volatile List<Target> targets;

    ConsumerMethods(BeanManager beans, Config config) {
        this.beans = beans;
        this.config = config;
    }

    /** One consumer method and the topic its channel reads. */
    record Target(String topic, String channel, Bean<?> bean, Method method) {

        void deliver(ConsumerRecord<String, String> record) {
            Object instance = ClientProxy.unwrap(
                    Arc.container().instance((InjectableBean<?>) bean).get());
            Object argument = method.getParameterTypes()[0] == ConsumerRecords.class
                    ? new ConsumerRecords<>(
                            Map.of(new TopicPartition(record.topic(), record.partition()), List.of(record)))
                    : record;
            try {
                method.invoke(instance, argument);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot call " + method, e);
            }
        }
    }

    /** The consumer methods reading {@code topic}; empty if none does. */
    List<Target> forTopic(String topic) {
        return all().stream().filter(t -> t.topic().equals(topic)).toList();
    }

    private List<Target> all() {
        if (targets == null) {
            List<Target> found = new ArrayList<>();
            Set<Class<?>> seen = new HashSet<>();
            for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
                Class<?> type = bean.getBeanClass();
                // Only class beans: a producer method's bean has its declaring class as bean class.
                if (type == null
                        || !type.getName().startsWith("se.driftinfo.")
                        || !bean.getTypes().contains(type)
                        || !seen.add(type)) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    if (method.getParameterCount() == 1
                            && (method.getParameterTypes()[0] == ConsumerRecord.class
                                    || method.getParameterTypes()[0] == ConsumerRecords.class)
                            && method.getAnnotationsByType(Incoming.class).length > 0) {
                        method.setAccessible(true);
                        for (Incoming incoming : method.getAnnotationsByType(Incoming.class)) {
                            String channel = incoming.value();
                            String topic = config.getOptionalValue(
                                            "mp.messaging.incoming." + channel + ".topic", String.class)
                                    .orElse(channel);
                            found.add(new Target(topic, channel, bean, method));
                        }
                    }
                }
            }
            targets = List.copyOf(found);
        }
        return targets;
    }
}
