package org.redress.server.transparency;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a JSON document against a JSON Schema (draft 2020-12), for the keywords the repository's
 * schemas use: {@code type} (object, array, string), {@code required}, {@code properties},
 * {@code additionalProperties: false}, {@code enum}, {@code const}, {@code minLength},
 * {@code maxLength}, {@code pattern}, {@code minItems}, {@code uniqueItems}, {@code items},
 * {@code contains}, {@code anyOf}, {@code allOf} and {@code if}/{@code then}. No validator library
 * can be fetched in the offline build; a schema that uses another keyword is refused, so a check
 * never passes by ignoring one.
 */
public final class SchemaChecker {

    private static final Set<String> KNOWN = Set.of(
            "$schema",
            "$id",
            "title",
            "description",
            "type",
            "required",
            "properties",
            "additionalProperties",
            "enum",
            "const",
            "minLength",
            "maxLength",
            "pattern",
            "minItems",
            "uniqueItems",
            "items",
            "contains",
            "anyOf",
            "allOf",
            "if",
            "then");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode schema;

    SchemaChecker(JsonNode schema) {
        requireKnownKeywords(schema);
        this.schema = schema;
    }

    public static SchemaChecker ofResource(String path) throws IOException {
        try (InputStream in =
                Objects.requireNonNull(SchemaChecker.class.getClassLoader().getResourceAsStream(path), path)) {
            return new SchemaChecker(JSON.readTree(in));
        }
    }

    /** Every way the document breaks the schema, as JSON pointers with a reason; empty when it conforms. */
    public List<String> problems(JsonNode document) {
        var problems = new ArrayList<String>();
        check(schema, document, "", problems);
        return problems;
    }

    public List<String> problems(String json) {
        return problems(JSON.readTree(json));
    }

    private static void check(JsonNode s, JsonNode value, String at, List<String> problems) {
        typeAndValue(s, value, at, problems);
        if (value.isObject()) {
            object(s, value, at, problems);
        }
        if (value.isArray()) {
            array(s, value, at, problems);
        }
        for (JsonNode branch : s.path("allOf")) {
            check(branch, value, at, problems);
        }
        if (s.has("anyOf")) {
            boolean any = false;
            for (JsonNode branch : s.path("anyOf")) {
                any |= conforms(branch, value, at);
            }
            if (!any) {
                problems.add(at + ": matches none of anyOf");
            }
        }
        if (s.has("if") && conforms(s.path("if"), value, at) && s.has("then")) {
            check(s.path("then"), value, at, problems);
        }
    }

    private static boolean conforms(JsonNode s, JsonNode value, String at) {
        var problems = new ArrayList<String>();
        check(s, value, at, problems);
        return problems.isEmpty();
    }

    private static void typeAndValue(JsonNode s, JsonNode value, String at, List<String> problems) {
        String type = s.path("type").asString("");
        boolean rightType = switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isString();
            case "" -> true;
            default -> throw new IllegalArgumentException("type not supported: " + type);
        };
        if (!rightType) {
            problems.add(at + ": not of type " + type);
            return;
        }
        if (s.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : s.path("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                problems.add(at + ": " + value + " is not an allowed value");
            }
        }
        if (s.has("const") && !s.path("const").equals(value)) {
            problems.add(at + ": is not " + s.path("const"));
        }
        if (value.isString()) {
            string(s, value.asString(), at, problems);
        }
    }

    private static void string(JsonNode s, String text, String at, List<String> problems) {
        int length = text.codePointCount(0, text.length());
        if (s.has("minLength") && length < s.path("minLength").asInt()) {
            problems.add(at + ": shorter than " + s.path("minLength").asInt());
        }
        if (s.has("maxLength") && length > s.path("maxLength").asInt()) {
            problems.add(at + ": longer than " + s.path("maxLength").asInt());
        }
        if (s.has("pattern")
                && !Pattern.compile(s.path("pattern").asString()).matcher(text).find()) {
            problems.add(at + ": does not match " + s.path("pattern").asString());
        }
    }

    private static void object(JsonNode s, JsonNode value, String at, List<String> problems) {
        for (JsonNode name : s.path("required")) {
            if (!value.has(name.asString())) {
                problems.add(at + "/" + name.asString() + ": is required");
            }
        }
        JsonNode properties = s.path("properties");
        for (String name : value.propertyNames()) {
            if (properties.has(name)) {
                check(properties.path(name), value.path(name), at + "/" + name, problems);
            } else if (s.path("additionalProperties").isBoolean()
                    && !s.path("additionalProperties").asBoolean()) {
                problems.add(at + "/" + name + ": is not a field of the schema");
            }
        }
    }

    private static void array(JsonNode s, JsonNode value, String at, List<String> problems) {
        if (s.has("minItems") && value.size() < s.path("minItems").asInt()) {
            problems.add(at + ": fewer than " + s.path("minItems").asInt() + " items");
        }
        if (s.path("uniqueItems").asBoolean(false)
                && new HashSet<>(value.valueStream().toList()).size() < value.size()) {
            problems.add(at + ": items repeat");
        }
        if (s.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(s.path("items"), value.get(i), at + "/" + i, problems);
            }
        }
        if (s.has("contains")) {
            boolean found = false;
            for (JsonNode item : value) {
                found |= conforms(s.path("contains"), item, at);
            }
            if (!found) {
                problems.add(at + ": contains no matching item");
            }
        }
    }

    private static void requireKnownKeywords(JsonNode s) {
        if (!s.isObject()) {
            return;
        }
        for (String keyword : s.propertyNames()) {
            if (!KNOWN.contains(keyword)) {
                throw new IllegalArgumentException("the checker does not know the keyword " + keyword);
            }
            JsonNode sub = s.path(keyword);
            switch (keyword) {
                case "properties" -> sub.propertyNames().forEach(name -> requireKnownKeywords(sub.path(name)));
                case "items", "contains", "if", "then" -> requireKnownKeywords(sub);
                case "allOf", "anyOf" -> sub.forEach(SchemaChecker::requireKnownKeywords);
                default -> {}
            }
        }
    }
}
