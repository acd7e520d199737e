package se.driftinfo.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * RFC 9457 problem details. {@code invalid-params} names each offending field, as in the RFC's example.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        @JsonProperty("invalid-params") List<InvalidParam> invalidParams) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field that was wrong, named as the client sent it (e.g. {@code systems[1]}), and why. */
    public record InvalidParam(String name, String reason) {}
}
