package se.driftinfo.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The hostile inputs every endpoint is tested with, in one place so that each service's bad-input
 * table uses the same ones: identity numbers however they are written, oversized and control-character
 * text, markup that must come out escaped, header injection in addresses, and JSON bodies that are
 * missing fields, wrong-typed, deeply nested or not UTF-8. A test pairs each with the endpoint and
 * asserts a 4xx problem detail, nothing stored, and the service still healthy.
 */
public final class BadInputs {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One case of a table: a short name for the test report and the value or body to send. */
    public record Case(String name, String value) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A raw request body with its content type, for cases that are not well-formed JSON. */
    public record Body(String name, String contentType, byte[] bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    private BadInputs() {}

    /**
     * Tolvan (19121212-1212, Skatteverket's test number) and a samordningsnummer, written every way a
     * person or a word processor writes them. All must be refused in every free-text field.
     */
    public static List<Case> identityNumbers() {
        return List.of(
                new Case("personnummer with century", "Tolvan 19121212-1212 kan inte logga in"),
                new Case("personnummer without separator", "pat 191212121212"),
                new Case("personnummer short form", "121212-1212"),
                new Case("personnummer short, no separator", "1212121212"),
                new Case("personnummer with plus (100+ years)", "121212+1212"),
                new Case("personnummer with en dash", "121212\u20131212"),
                new Case("personnummer with spaced dash", "121212 - 1212"),
                new Case("personnummer with dot", "121212.1212"),
                new Case("personnummer with underscore", "121212_1212"),
                new Case("personnummer with space", "121212 1212"),
                new Case(
                        "personnummer in full-width digits",
                        "\uff11\uff12\uff11\uff12\uff11\uff12\uff0d\uff11\uff12\uff11\uff12"),
                new Case("samordningsnummer", "701063-2391"));
    }

    /** Text a field must refuse besides identity numbers: one character too long, and control characters. */
    public static List<Case> refusedText(int maxLength) {
        List<Case> cases = new ArrayList<>(identityNumbers());
        cases.add(new Case("one character over " + maxLength, "x".repeat(maxLength + 1)));
        cases.add(new Case("a megabyte", "x".repeat(1 << 20)));
        return cases;
    }

    /** Markup a text field may accept but every page, mail and feed must show as text, never run. */
    public static List<Case> markup() {
        return List.of(
                new Case("script element", "<script>alert('driftinfo')</script>"),
                new Case("attribute breakout", "\"><img src=x onerror=alert(1)>"),
                new Case("javascript url", "<a href=\"javascript:alert(1)\">klicka</a>"),
                new Case("ical line injection", "Titel\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:falsk"),
                new Case("template expression", "{inject:csrf.token} ${7*7} #{7*7}"));
    }

    /** Addresses that try to add mail headers or recipients; every one must be refused. */
    public static List<Case> headerInjections() {
        return List.of(
                new Case("CRLF Bcc", "klinik@example.se\r\nBcc: alla@example.se"),
                new Case("LF Subject", "klinik@example.se\nSubject: falskt"),
                new Case("encoded CRLF", "klinik@example.se%0d%0aBcc:alla@example.se"),
                new Case("two addresses", "klinik@example.se, alla@example.se"),
                new Case("display name", "Klinik <klinik@example.se>"),
                new Case("no domain", "klinik@"),
                new Case("NUL byte", "klinik@example.se\u0000"));
    }

    /**
     * Bodies built from a valid JSON object: each field missing, each field given every wrong JSON
     * type, and each text field given each refused text. Fields whose valid value is not text get the
     * wrong-typed variants only.
     */
    public static List<Case> jsonVariants(String validJson, int maxTextLength) {
        ObjectNode valid = object(validJson);
        List<Case> cases = new ArrayList<>();
        for (Iterator<String> names = valid.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            ObjectNode missing = valid.deepCopy();
            missing.remove(field);
            cases.add(new Case(field + " missing", missing.toString()));
            for (JsonNode wrong : wrongTypes(valid.get(field))) {
                ObjectNode typed = valid.deepCopy();
                typed.set(field, wrong);
                cases.add(new Case(field + " as " + wrong.getNodeType().name().toLowerCase(), typed.toString()));
            }
            if (valid.get(field).isTextual()) {
                for (Case text : refusedText(maxTextLength)) {
                    ObjectNode bad = valid.deepCopy();
                    bad.put(field, text.value());
                    cases.add(new Case(field + ": " + text.name(), bad.toString()));
                }
            }
        }
        return cases;
    }

    /** Bodies that are not the JSON object the endpoint reads at all. */
    public static List<Body> malformedBodies(String validJson) {
        String json = "application/json";
        List<Body> bodies = new ArrayList<>();
        bodies.add(new Body("empty body", json, new byte[0]));
        bodies.add(new Body("JSON null", json, bytes("null")));
        bodies.add(new Body("JSON array", json, bytes("[" + validJson + "]")));
        bodies.add(new Body("JSON string", json, bytes("\"text\"")));
        bodies.add(new Body("truncated", json, bytes(validJson.substring(0, validJson.length() / 2))));
        bodies.add(new Body("trailing garbage", json, bytes(validJson + "}}")));
        bodies.add(new Body("deeply nested arrays", json, bytes("[".repeat(100_000) + "]".repeat(100_000))));
        bodies.add(new Body("deeply nested objects", json, bytes("{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000))));
        bodies.add(new Body("invalid UTF-8", json, invalidUtf8(validJson)));
        bodies.add(new Body("form instead of JSON", "application/x-www-form-urlencoded", bytes("a=b")));
        bodies.add(new Body("XML instead of JSON", "application/xml", bytes("<report/>")));
        bodies.add(new Body("text/plain", "text/plain", bytes(validJson)));
        return bodies;
    }

    /** The valid body with a byte that can never occur in UTF-8 in the middle of its first text value. */
    public static byte[] invalidUtf8(String validJson) {
        byte[] plain = bytes(validJson);
        int at = validJson.indexOf(":\"");
        int where = at < 0 ? plain.length / 2 : at + 2;
        byte[] broken = new byte[plain.length + 2];
        System.arraycopy(plain, 0, broken, 0, where);
        broken[where] = (byte) 0xC3; // a lead byte followed by another lead byte: never valid
        broken[where + 1] = (byte) 0xFF;
        System.arraycopy(plain, where, broken, where + 2, plain.length - where);
        return broken;
    }

    private static List<JsonNode> wrongTypes(JsonNode valid) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<JsonNode> wrong = new ArrayList<>();
        if (!valid.isNumber()) {
            wrong.add(f.numberNode(42));
        }
        if (!valid.isTextual()) {
            wrong.add(f.textNode("text"));
        }
        if (!valid.isArray()) {
            wrong.add(f.arrayNode().add("a"));
        }
        if (!valid.isObject()) {
            wrong.add(f.objectNode().put("a", 1));
        }
        if (!valid.isBoolean()) {
            wrong.add(f.booleanNode(true));
        }
        return wrong;
    }

    private static ObjectNode object(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a JSON object: " + json, e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
