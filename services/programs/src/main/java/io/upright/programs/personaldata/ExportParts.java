package io.upright.programs.personaldata;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.platform.personaldata.PersonalDataExport;
import io.upright.platform.problem.ProblemException;
import io.upright.programs.ProgramsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Gathers the other services' parts of a person's export. The one place where programs calls another service:
 * an export is the requester reading their own data, so each call carries the requester's own token and each
 * service decides for itself what that token may see. A part that cannot be fetched fails the whole export
 * (503) rather than hand over a document that silently leaves something out.
 */
@ApplicationScoped
public class ExportParts {

    private static final Logger LOG = Logger.getLogger(ExportParts.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    ProgramsConfig config;

    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public Map<String, Object> gather(UUID employeeId, String bearerToken) {
        Map<String, Object> parts = new LinkedHashMap<>();
        for (String source : config.exportSources().orElse(List.of())) {
            int eq = source.indexOf('=');
            if (eq <= 0) {
                throw new IllegalStateException("upright.programs.export-sources entry is not name=url: " + source);
            }
            String service = source.substring(0, eq).strip();
            String baseUrl = source.substring(eq + 1).strip();
            parts.put(service, fetch(service, baseUrl, employeeId, bearerToken));
        }
        return parts;
    }

    private Object fetch(String service, String baseUrl, UUID employeeId, String bearerToken) {
        URI uri = URI.create(baseUrl.replaceAll("/+$", "")
                + PersonalDataExport.PATH.replace("{employeeId}", employeeId.toString()));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + bearerToken).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return json.readValue(response.body(), new TypeReference<LinkedHashMap<String, Object>>() {
                });
            }
            LOG.warnf("Export part of %s answered %d", service, response.statusCode());
        } catch (IOException e) {
            LOG.warnf("Export part of %s unreachable: %s", service, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new ProblemException(503, "export-incomplete", "Export incomplete",
                "The " + service + " service did not hand over its part; nothing was exported, try again shortly", List.of());
    }
}
