package dev.burnrate.engine.forecast;

import java.time.Instant;
import java.util.List;

/**
 * Why a series got its forecast, as data a UI can show: the model family (or the families combined), their
 * parameters, when it was fitted, its rolling-origin validation error and, for a simpler model, the reason.
 *
 * @param family          e.g. "combination", "seasonal-naive", "zeros"
 * @param components      the candidate models combined (each with its parameters), best first
 * @param fittedAt        when the model was fitted
 * @param validationMase  mean absolute error over the validation origins, scaled like MASE (NaN: not validated)
 * @param validationOrigins how many rolling origins the validation used
 * @param reason          why this model was chosen (always set; names the data problem for a simpler model)
 */
public record ModelRecord(String family, List<String> components, Instant fittedAt, double validationMase,
                          int validationOrigins, String reason) {

    public ModelRecord {
        components = List.copyOf(components);
    }
}
