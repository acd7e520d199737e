package se.driftinfo.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import se.driftinfo.contracts.EventJson;

/** Field paths of an event as JSON, to compare what this service writes with the contract's samples. */
public final class ContractFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContractFields() {}

    public static Set<String> ofSample(String type) {
        try (InputStream in = ContractFields.class.getResourceAsStream("/samples/" + type + ".json")) {
            if (in == null) {
                throw new AssertionError("event-contracts has no sample for " + type);
            }
            return paths(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Set<String> of(Object event) {
        try {
            return paths(JSON.readTree(EventJson.write(event)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> paths(JsonNode node) {
        Set<String> paths = new TreeSet<>();
        collect("", node, paths);
        return paths;
    }

    private static void collect(String prefix, JsonNode node, Set<String> paths) {
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                String path = prefix.isEmpty() ? name : prefix + "." + name;
                paths.add(path);
                collect(path, node.get(name), paths);
            }
        }
    }
}
