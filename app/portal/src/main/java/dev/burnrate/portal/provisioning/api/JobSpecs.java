package dev.burnrate.portal.provisioning.api;

import dev.burnrate.api.PurchaseOption;
import dev.burnrate.portal.plugin.CatalogOffering;
import dev.burnrate.portal.provisioning.DraftInvalid;
import dev.burnrate.portal.provisioning.IdempotentSubmit;
import dev.burnrate.portal.provisioning.OfferingEstimates;
import dev.burnrate.portal.provisioning.RequestDraft;
import dev.burnrate.portal.provisioning.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The one mapping of a {@link JobSpec} to what the services take: the estimator's job (estimates) and the
 * provisioning form's draft (policy checks and requests), with the spec's defaults applied; and the way back for
 * the services' field errors, so an error names the field of the spec the client sent.
 */
@Component
public class JobSpecs {

    static final String DEFAULT_NAME = "api-job";

    private final OfferingEstimates estimates;

    public JobSpecs(OfferingEstimates estimates) {
        this.estimates = estimates;
    }

    /** A draft and the catalog offering it names (null when the catalog has none that fits: the validator says why). */
    public record Drafted(RequestDraft draft, CatalogOffering offering) {
    }

    /** The spec with every default filled in, as answers echo it and as its fingerprint reads it. */
    public JobSpec normalized(JobSpec s, String defaultTeam) {
        List<DraftInvalid.FieldError> errors = new ArrayList<>();
        Template template = template(s, errors);
        boolean knownKind = errors.isEmpty();
        if (s.acceleratorCount() != null && s.acceleratorCount() < 1) {
            errors.add(new DraftInvalid.FieldError("acceleratorCount", "At least 1"));
        }
        if (s.hours() != null && !(s.hours() > 0 && s.hours() <= 8760)) {
            errors.add(new DraftInvalid.FieldError("hours", "Between 0 and 8760 hours (a year)"));
        } else if (s.hours() == null && knownKind && template == Template.GPU_TRAINING) {
            errors.add(new DraftInvalid.FieldError("hours", "A training run needs its planned hours"));
        }
        if (blank(s.accelerator()) && blank(s.instanceType())) {
            errors.add(new DraftInvalid.FieldError("accelerator", "Name the accelerator (e.g. H100) or an"
                    + " instanceType"));
        }
        if (!errors.isEmpty()) {
            throw new DraftInvalid(errors);
        }
        return new JobSpec(s.kind(), s.team() == null ? defaultTeam : s.team(), s.project(),
                s.name() == null ? DEFAULT_NAME : s.name(), s.provider(), s.region(), s.accelerator(),
                s.acceleratorCount(), s.instanceType(), s.hours(),
                s.purchaseOption() == null ? PurchaseOption.ON_DEMAND : s.purchaseOption(),
                s.checkpointing() == null ? template.checkpointing() : s.checkpointing(),
                s.deadlineCritical() == null ? template.deadlineCritical() : s.deadlineCritical(),
                s.dataClassification(), Boolean.TRUE.equals(s.encrypted()), Boolean.TRUE.equals(s.privateNetwork()),
                s.tags());
    }

    /** What the estimator needs of a normalized spec. */
    public OfferingEstimates.Job job(JobSpec n) {
        return new OfferingEstimates.Job(template(n, new ArrayList<>()), n.provider(), n.region(), n.accelerator(),
                n.acceleratorCount(), n.instanceType(), n.purchaseOption(), n.hours(), n.checkpointing());
    }

    /**
     * The provisioning draft of a normalized spec: the instance type given, or else the offering with the lowest
     * expected cost for the job in the provider's region; instances from the accelerator count.
     */
    public Drafted draft(JobSpec n) {
        List<DraftInvalid.FieldError> errors = new ArrayList<>();
        if (blank(n.team())) {
            errors.add(new DraftInvalid.FieldError("team", "Name the team that pays"));
        }
        if (blank(n.region())) {
            errors.add(new DraftInvalid.FieldError("region", "Name the region"));
        }
        String provider = n.provider();
        if (blank(provider) && !blank(n.region())) {
            provider = uniqueProvider(n).orElse(null);
            if (provider == null) {
                errors.add(new DraftInvalid.FieldError("provider", "Name the provider (the instanceType does not"
                        + " name one offering in " + n.region() + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw new DraftInvalid(errors);
        }
        OfferingEstimates.Job job = job(n);
        Optional<OfferingEstimates.OfferingEstimate> chosen = estimates.estimate(new OfferingEstimates.Job(
                job.template(), provider, n.region(), job.accelerator(), job.acceleratorCount(), job.instanceType(),
                job.purchaseOption(), job.durationHours(), job.checkpointing())).stream().findFirst();
        if (chosen.isEmpty() && blank(n.instanceType())) {
            throw new DraftInvalid(List.of(new DraftInvalid.FieldError("accelerator", "No " + n.accelerator()
                    + " offering of " + provider + " in " + n.region() + " is sold as " + n.purchaseOption()
                    + " for " + (n.acceleratorCount() == null ? "one instance" : n.acceleratorCount()
                    + " accelerators"))));
        }
        // An instance type the catalog has no fitting offering for goes to the validator as it is: it says why.
        String instanceType = chosen.map(e -> e.offering().offering().instanceType()).orElse(n.instanceType());
        int count = chosen.map(OfferingEstimates.OfferingEstimate::instances)
                .orElse(n.acceleratorCount() == null ? 1 : n.acceleratorCount());
        return new Drafted(new RequestDraft(job.template(), n.team(), n.project(), n.name(), provider, n.region(),
                instanceType, count, n.purchaseOption(), n.hours(), n.dataClassification(), n.tags(), n.encrypted(),
                n.privateNetwork(), n.checkpointing(), n.deadlineCritical()),
                chosen.map(OfferingEstimates.OfferingEstimate::offering).orElse(null));
    }

    /** A hash of the normalized spec: equal for equal specs however their JSON was laid out. */
    public static String fingerprint(JobSpec normalized) {
        return IdempotentSubmit.sha256(normalized.toString());
    }

    /** The spec's name for a field of the provisioning draft. */
    public static String field(String draftField) {
        return switch (draftField) {
            case "template" -> "kind";
            case "count" -> "acceleratorCount";
            case "durationHours" -> "hours";
            case "offering" -> "instanceType";
            default -> draftField;
        };
    }

    /** The field errors in the spec's terms. */
    public static List<DraftInvalid.FieldError> inSpecTerms(List<DraftInvalid.FieldError> errors) {
        return errors.stream().map(e -> new DraftInvalid.FieldError(field(e.field()), e.message())).toList();
    }

    private Optional<String> uniqueProvider(JobSpec n) {
        if (blank(n.instanceType())) {
            return Optional.empty();
        }
        List<String> providers = estimates.offerings(n.region(), n.instanceType()).stream()
                .map(CatalogOffering::providerId).distinct().toList();
        return providers.size() == 1 ? Optional.of(providers.getFirst()) : Optional.empty();
    }

    private static Template template(JobSpec s, List<DraftInvalid.FieldError> errors) {
        Map<String, Template> kinds = Map.of("training", Template.GPU_TRAINING, "inference",
                Template.INFERENCE_ENDPOINT);
        Template template = s.kind() == null ? null : kinds.get(s.kind());
        if (template == null) {
            errors.add(new DraftInvalid.FieldError("kind", "Use training or inference"));
            return Template.GPU_TRAINING;
        }
        return template;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
