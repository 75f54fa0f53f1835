package io.aipulse.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.OpenApi31;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code docs/openapi.yaml} as a test reads it: finds the operation a request path matches and the schema
 * of the answer's status, and validates a real answer's body against it (OpenAPI 3.1 schemas are JSON
 * Schema 2020-12 with the OpenAPI vocabulary; {@code $ref}s into the document resolve within it).
 */
public final class OpenApiContract {

    public static final Path FILE = Project.ROOT.resolve("docs/openapi.yaml");
    /** The document's own address for the validator (never fetched: the registry holds its text). */
    private static final String IRI = "https://aipulse.invalid/openapi.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final SchemaRegistry registry;

    private OpenApiContract(String yaml) throws IOException {
        this.document = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        this.registry = SchemaRegistry.withDialect(OpenApi31.getInstance(),
                builder -> builder.schemas(Map.of(IRI, yaml)));
    }

    public static OpenApiContract load() {
        try {
            return new OpenApiContract(Files.readString(FILE, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
    }

    public JsonNode document() {
        return document;
    }

    /**
     * The problems of an answer to {@code GET pathAndQuery}: none when the document has the path, the
     * status for it, and a JSON schema the body meets. Anything the document does not describe is a problem.
     */
    public List<String> problems(String method, String pathAndQuery, int status, String body) {
        String path = URI.create(pathAndQuery).getRawPath();
        Optional<String> template = template(path);
        if (template.isEmpty()) {
            return List.of("no path of " + FILE.getFileName() + " matches " + path);
        }
        String operation = method.toLowerCase(java.util.Locale.ROOT);
        JsonNode response = document.path("paths").path(template.get()).path(operation).path("responses")
                .path(Integer.toString(status));
        if (response.isMissingNode()) {
            return List.of(method + " " + template.get() + " documents no status " + status);
        }
        String pointer = "/paths/" + escape(template.get()) + "/" + operation + "/responses/" + status;
        if (response.has("$ref")) {
            pointer = response.get("$ref").asText().substring(1);
        }
        Schema schema = registry.getSchema(SchemaLocation.of(IRI + "#" + pointer + "/content/application~1json/schema"));
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (IOException e) {
            return List.of("not JSON: " + body);
        }
        return schema.validate(answer).stream().map(Error::toString).toList();
    }

    /** True when one of the document's path templates matches the request's path. */
    public boolean describes(String pathAndQuery) {
        return template(URI.create(pathAndQuery).getRawPath()).isPresent();
    }

    /** The document's path template that a request path fills: {@code /api/v1/aggregates/{dimension}}. */
    Optional<String> template(String rawPath) {
        String[] segments = rawPath.split("/", -1);
        for (Iterator<String> it = document.path("paths").fieldNames(); it.hasNext(); ) {
            String template = it.next();
            String[] parts = template.split("/", -1);
            if (parts.length != segments.length) {
                continue;
            }
            boolean matches = true;
            for (int i = 0; i < parts.length && matches; i++) {
                boolean variable = parts[i].startsWith("{") && parts[i].endsWith("}");
                matches = variable ? !segments[i].isEmpty() : parts[i].equals(segments[i]);
            }
            if (matches) {
                return Optional.of(template);
            }
        }
        return Optional.empty();
    }

    /** A JSON pointer token: {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
