package io.aipulse.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.aipulse.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Checks records against the published schemas (networknt's json-schema-validator, draft 2020-12). Formats
 * ({@code date}) are asserted, not only annotated, as draft 2020-12 would by default: the schemas mean them.
 */
public final class RecordValidator {

    private static final ObjectMapper MAPPER = Json.newMapper();

    private final Map<RecordSchema, Schema> schemas = new EnumMap<>(RecordSchema.class);

    private RecordValidator() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .build()));
        for (RecordSchema schema : RecordSchema.values()) {
            schemas.put(schema, registry.getSchema(SchemaLocation.of("classpath:schemas/" + schema.fileName())));
        }
    }

    /** The schemas in the jar (the copies of {@code schemas/}). */
    public static RecordValidator load() {
        return new RecordValidator();
    }

    /** What is wrong with {@code json} as a record of {@code schema}; empty when it is valid. */
    public List<String> problems(RecordSchema schema, byte[] json) {
        if (json == null) {
            return List.of("no value (a null record)");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        return problems(schema, node);
    }

    public List<String> problems(RecordSchema schema, String json) {
        return problems(schema, json.getBytes(StandardCharsets.UTF_8));
    }

    public List<String> problems(RecordSchema schema, JsonNode record) {
        if (record == null || record.isMissingNode()) {
            return List.of("no value (empty input)");
        }
        return schemas.get(schema).validate(record).stream().map(RecordValidator::describe).toList();
    }

    /** {@code /amount/currency: does not have a value in the enumeration [...]}; the record itself is {@code /}. */
    private static String describe(Error error) {
        String text = error.toString();
        return error.getInstanceLocation().toString().isEmpty() && text.startsWith(":") ? "/" + text : text;
    }
}
