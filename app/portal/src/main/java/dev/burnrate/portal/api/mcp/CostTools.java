package dev.burnrate.portal.api.mcp;

import static dev.burnrate.portal.api.mcp.McpSchemas.integer;
import static dev.burnrate.portal.api.mcp.McpSchemas.object;
import static dev.burnrate.portal.api.mcp.McpSchemas.string;

import dev.burnrate.portal.anomaly.api.AnomaliesController;
import dev.burnrate.portal.api.ApiScope;
import dev.burnrate.portal.budget.api.BudgetsController;
import dev.burnrate.portal.forecast.api.ForecastsController;
import dev.burnrate.portal.usage.api.QueriesController;
import dev.burnrate.portal.usage.api.QueryRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spend, budgets, forecasts and anomalies as read-only tools, answered by the REST API's controllers (the token's
 * read scope, the owner's teams).
 */
@Configuration
class CostTools {

    private static final Map<String, Object> PAGE = integer("0-based page of results (default 0)");
    private static final Map<String, Object> SIZE = integer("results per page, 1 to 500 (default 50)");

    @Bean
    McpTool queryCostTool(QueriesController queries, JsonMapper json) {
        return new ReadTool("query_cost", "Queries billed cost like the cost explorer: a dataset (e.g. demo-billing),"
                + " optional time range, group-by FOCUS columns (ServiceName, RegionId, ...) or tag:<key>, filters,"
                + " time buckets (DAY, WEEK, MONTH) and a metric (EffectiveCost by default). Amounts are per currency.",
                McpSchemas.of(QueryRequest.class),
                args -> queries.query(json.treeToValue(args, QueryRequest.class)));
    }

    @Bean
    McpTool listBudgetsTool(BudgetsController budgets) {
        return new ReadTool("list_budgets", "Lists the budgets the user may see with plan, actual and forecast for"
                + " a month (2026-11) or quarter (2026-Q4); the current month when no period is given.",
                object(props("period", string("a month (YYYY-MM) or quarter (YYYY-Qn)"))),
                args -> budgets.list(text(args, "period"), number(args, "page"), number(args, "size")));
    }

    @Bean
    McpTool getForecastsTool(ForecastsController forecasts) {
        return new ReadTool("get_forecasts", "Reads stored spend forecasts (P10, P50, P90 per day) of a dataset, a"
                + " team ('all' for all teams) or a currency.",
                object(props("dataset", string("dataset name"), "team", string("team name or 'all'"),
                        "currency", string("ISO 4217 code"))),
                args -> forecasts.list(text(args, "dataset"), text(args, "team"), text(args, "currency"),
                        number(args, "page"), number(args, "size")));
    }

    @Bean
    McpTool listAnomaliesTool(AnomaliesController anomalies) {
        return new ReadTool("list_anomalies", "Lists cost anomalies found in spend, newest first, with their root"
                + " cause and status (NEW, ACKNOWLEDGED, EXPECTED, FALSE_ALARM).",
                object(props("status", Map.of("type", "array", "items", Map.of("type", "string",
                        "enum", List.of("NEW", "ACKNOWLEDGED", "EXPECTED", "FALSE_ALARM")),
                        "description", "only anomalies of these statuses"))),
                args -> anomalies.list(texts(args, "status"), number(args, "page"), number(args, "size")));
    }

    /** The tool's own properties plus paging. */
    private static Map<String, Object> props(Object... nameAndSchema) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < nameAndSchema.length; i += 2) {
            properties.put((String) nameAndSchema[i], nameAndSchema[i + 1]);
        }
        properties.put("page", PAGE);
        properties.put("size", SIZE);
        return properties;
    }

    private static String text(JsonNode args, String field) {
        JsonNode value = args.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new McpToolError(field + " must be a string");
        }
        return value.asString();
    }

    private static Integer number(JsonNode args, String field) {
        JsonNode value = args.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            throw new McpToolError(field + " must be an integer");
        }
        return value.asInt();
    }

    private static List<String> texts(JsonNode args, String field) {
        JsonNode value = args.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw new McpToolError(field + " must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        value.forEach(v -> values.add(v.asString()));
        return values;
    }

    /** A read-scope tool with a fixed schema; arguments not in the schema are refused. */
    private record ReadTool(String name, String description, Map<String, Object> inputSchema,
                            Function<JsonNode, Object> action) implements McpTool {

        @Override
        public ApiScope scope() {
            return ApiScope.READ;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object call(JsonNode arguments) {
            Map<String, Object> properties = (Map<String, Object>) inputSchema.get("properties");
            if (properties != null) {
                for (String field : arguments.propertyNames()) {
                    if (!properties.containsKey(field)) {
                        throw new McpToolError("Unknown argument '" + field + "'; known: " + properties.keySet());
                    }
                }
            }
            return action.apply(arguments);
        }
    }
}
