package dev.burnrate.portal.provisioning;

import dev.burnrate.api.Offering;
import dev.burnrate.api.Region;
import dev.burnrate.api.StorageOffering;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Checks a form field by field against the catalog, and resolves the region and offering it names. Every
 * problem is reported at once, each with its field.
 */
@Component
public class DraftValidator {

    static final List<String> CLASSIFICATIONS = List.of("public", "internal", "confidential", "personal-eu", "phi");
    static final int MAX_COUNT = 64;
    /** A bucket's capacity is its count in GB; 1 PB caps typing mistakes. */
    static final int MAX_CAPACITY_GB = 1_000_000;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern TAG_KEY = Pattern.compile("[A-Za-z0-9_.:/=+@-]{1,128}");

    private final ProviderCatalog catalog;

    public DraftValidator(ProviderCatalog catalog) {
        this.catalog = catalog;
    }

    /** The region and offering a valid draft names. */
    public record Resolved(Region region, Offering offering) {
    }

    @PermitAll // checks a form against the catalog; reads nothing of any team
    public Resolved validate(RequestDraft d) {
        List<DraftInvalid.FieldError> errors = new ArrayList<>();
        if (d.template() == null) {
            errors.add(new DraftInvalid.FieldError("template", "Pick a template"));
        }
        if (d.team() == null || d.team().isBlank()) {
            errors.add(new DraftInvalid.FieldError("team", "Pick the team that pays"));
        }
        if (d.name() == null || !NAME.matcher(d.name()).matches()) {
            errors.add(new DraftInvalid.FieldError("name", "Use 1-63 lower-case letters, digits and '-'"));
        }
        boolean storage = d.template() != null && d.template().isStorage();
        if (storage && (d.count() < 1 || d.count() > MAX_CAPACITY_GB)) {
            errors.add(new DraftInvalid.FieldError("count", "Capacity between 1 and " + MAX_CAPACITY_GB + " GB"));
        } else if (!storage && (d.count() < 1 || d.count() > MAX_COUNT)) {
            errors.add(new DraftInvalid.FieldError("count", "Between 1 and " + MAX_COUNT + " instances"));
        }
        if (d.purchaseOption() == null) {
            errors.add(new DraftInvalid.FieldError("purchaseOption", "Pick how to buy it"));
        }
        if (d.durationHours() != null && !(d.durationHours() > 0 && d.durationHours() <= 8760)) {
            errors.add(new DraftInvalid.FieldError("durationHours", "Between 0 and 8760 hours (a year)"));
        }
        if (d.dataClassification() != null && !CLASSIFICATIONS.contains(d.dataClassification())) {
            errors.add(new DraftInvalid.FieldError("dataClassification", "One of " + CLASSIFICATIONS));
        }
        for (Map.Entry<String, String> tag : d.tags().entrySet()) {
            if (!TAG_KEY.matcher(tag.getKey()).matches() || tag.getValue() == null || tag.getValue().length() > 256) {
                errors.add(new DraftInvalid.FieldError("tags", "Tag '" + tag.getKey()
                        + "': keys use 1-128 letters, digits and _.:/=+@-, values at most 256 characters"));
            }
        }
        Resolved resolved = resolve(d, errors);
        if (!errors.isEmpty()) {
            throw new DraftInvalid(errors);
        }
        return resolved;
    }

    private Resolved resolve(RequestDraft d, List<DraftInvalid.FieldError> errors) {
        if (d.providerId() == null || catalog.provider(d.providerId()).isEmpty()) {
            errors.add(new DraftInvalid.FieldError("provider", "Pick a provider"));
            return null;
        }
        Region region = d.regionId() == null ? null : catalog.region(d.providerId(), d.regionId()).orElse(null);
        if (region == null) {
            errors.add(new DraftInvalid.FieldError("region", "Pick a region of " + d.providerId()));
            return null;
        }
        Offering offering = d.instanceType() == null ? null
                : catalog.offering(d.providerId(), d.regionId(), d.instanceType()).orElse(null);
        if (offering == null) {
            errors.add(new DraftInvalid.FieldError("offering", (d.template() != null && d.template().isStorage()
                    ? "Pick a storage class offered in " : "Pick an instance type offered in ") + region.id()));
            return null;
        }
        if (d.template() != null && !d.template().fits(offering)) {
            errors.add(new DraftInvalid.FieldError("offering", d.template().title() + (d.template().isStorage()
                    ? " needs a storage class" : StorageOffering.isStorage(offering) ? " needs an instance type"
                    : " needs an accelerator")));
        }
        if (d.purchaseOption() != null && offering.prices().forOption(d.purchaseOption()) == null) {
            errors.add(new DraftInvalid.FieldError("purchaseOption", offering.instanceType() + " in " + region.id()
                    + " is not sold as " + d.purchaseOption()));
        }
        return new Resolved(region, offering);
    }
}
