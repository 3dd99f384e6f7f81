package dev.burnrate.portal.provisioning;

import dev.burnrate.api.Offering;
import dev.burnrate.api.Region;
import dev.burnrate.portal.user.Team;
import java.util.List;
import java.util.Objects;

/**
 * Keeps the form's choices consistent: teams and providers the user may use, the chosen provider's regions, and the
 * region's offerings for the template. Keeps a choice when it is still valid (e.g. the same instance type in the
 * newly chosen region), so changing the region alone re-prices the same hardware.
 */
class FormBinding {

    private final ProvisionForm form;
    private final ProvisioningService service;
    private final Runnable changed;

    FormBinding(ProvisionForm form, ProvisioningService service, Runnable changed) {
        this.form = form;
        this.service = service;
        this.changed = changed;
        form.provider.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                form.fill(this::loadRegions);
                changed.run();
            }
        });
        form.team.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                form.fill(() -> form.addTags(service.defaultTags(form.team.getValue())));
            }
        });
        form.region.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                form.fill(this::loadOfferings);
                changed.run();
            }
        });
    }

    /** Fills every choice for the current template, keeping valid selections. */
    void fillChoices() {
        form.fill(() -> {
            List<String> teams = service.myTeams().stream().map(Team::name).toList();
            form.team.setItems(teams);
            if (form.team.getValue() == null || !teams.contains(form.team.getValue())) {
                form.team.setValue(teams.isEmpty() ? null : teams.getFirst());
            }
            form.addTags(service.defaultTags(form.team.getValue()));
            var providers = service.providers();
            form.provider.setItems(providers);
            if (form.provider.getValue() == null || !providers.contains(form.provider.getValue())) {
                form.provider.setValue(providers.isEmpty() ? null : providers.getFirst());
            }
            loadRegions();
        });
    }

    /**
     * Selects a suggested request's team, provider, region and instance type where the form offers them (a
     * recommendation's "Open in Provision"); what it does not offer stays as filled.
     *
     * @return whether the instance type was found among the template's offerings
     */
    boolean prefill(String team, String providerId, String regionId, String instanceType) {
        boolean[] found = {false};
        form.fill(() -> {
            if (team != null && service.myTeams().stream().anyMatch(t -> t.name().equals(team))) {
                form.team.setValue(team);
                form.addTags(service.defaultTags(team));
            }
            service.providers().stream().filter(p -> p.id().equals(providerId)).findFirst().ifPresent(p -> {
                form.provider.setValue(p);
                loadRegions();
            });
            if (form.provider.getValue() != null) {
                service.regions(form.provider.getValue().id()).stream().filter(r -> r.id().equals(regionId))
                        .findFirst().ifPresent(r -> {
                            form.region.setValue(r);
                            loadOfferings();
                        });
            }
            if (form.provider.getValue() != null && form.region.getValue() != null) {
                service.offerings(form.provider.getValue().id(), form.region.getValue().id(), form.template())
                        .stream().filter(o -> o.instanceType().equals(instanceType)).findFirst().ifPresent(o -> {
                            form.offering.setValue(o);
                            found[0] = true;
                        });
            }
        });
        return found[0];
    }

    private void loadRegions() {
        List<Region> regions = form.provider.getValue() == null ? List.of()
                : service.regions(form.provider.getValue().id());
        Region current = form.region.getValue();
        form.region.setItems(regions);
        // Not simply the first (alphabetical) region: the team's usual one, see ProvisionDefaults.
        form.region.setValue(current != null && regions.contains(current) ? current
                : regions.isEmpty() ? null
                : service.defaultRegion(form.provider.getValue().id(), form.team.getValue(), regions).orElse(null));
        loadOfferings();
    }

    private void loadOfferings() {
        List<Offering> offerings = form.provider.getValue() == null || form.region.getValue() == null ? List.of()
                : service.offerings(form.provider.getValue().id(), form.region.getValue().id(), form.template());
        String currentType = form.offering.getValue() == null ? null : form.offering.getValue().instanceType();
        form.offering.setItems(offerings);
        form.offering.setValue(offerings.stream().filter(o -> Objects.equals(o.instanceType(), currentType))
                .findFirst().orElse(offerings.isEmpty() ? null : offerings.getFirst()));
    }

    void preview(PreviewPanel panel) {
        try {
            show(panel, service.preview(form.draft()));
        } catch (DraftInvalid invalid) {
            incomplete(panel, invalid);
        }
    }

    /** Shows a preview computed elsewhere (in the background) for the form as it was then. */
    void show(PreviewPanel panel, Preview preview) {
        panel.show(preview);
        form.showErrors(List.of());
    }

    void incomplete(PreviewPanel panel, DraftInvalid invalid) {
        form.showErrors(invalid.errors());
        panel.incomplete(invalid.errors());
    }
}
