package se.driftinfo.maintenance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * A request body is one JSON value and nothing after it: {@code {...}}}} is refused (400), not read up to
 * its first object and stored. Jackson stops after the first value by default. The kit's {@code
 * StrictScalars} is the natural home for this (incident-service has the same); until it says so for
 * every service, this one does.
 */
@Singleton
public class WholeJsonBodies implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
