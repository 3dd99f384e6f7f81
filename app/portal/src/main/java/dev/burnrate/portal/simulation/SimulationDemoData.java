package dev.burnrate.portal.simulation;

import dev.burnrate.engine.simulation.SimulationProgress;
import dev.burnrate.portal.demo.DemoDataContributor;
import dev.burnrate.portal.user.Team;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Demo mode: one saved train-then-serve scenario for team ml-research, simulated on the built-in catalog (AWS
 * us-east-1), so the saved-scenarios list and the compare dialog have something to show. Skipped when it exists
 * or when the catalog has no such offerings (e.g. the AWS plugin was uninstalled).
 */
@Component
class SimulationDemoData implements DemoDataContributor {

    static final String TEAM = "ml-research";
    static final String NAME = "Demo: fine-tune on 2,000 H100-hours, serve an 8B model";
    private static final Logger log = LoggerFactory.getLogger(SimulationDemoData.class);

    private final SimulationService service;

    SimulationDemoData(SimulationService service) {
        this.service = service;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public String name() {
        return "simulations";
    }

    @Override
    public void load() {
        Team team = service.teams().stream().filter(t -> t.name().equals(TEAM)).findFirst().orElse(null);
        if (team == null || service.scenarios(0, 1000).stream().anyMatch(s -> s.name().equals(NAME))) {
            return;
        }
        SimulationInputs defaults = SimulationInputs.defaults();
        SimulationInputs inputs = new SimulationInputs(SimulationInputs.Kind.HYBRID, defaults.training(),
                defaults.inference(), new SimulationInputs.Candidates("aws", "us-east-1", null, null, true, List.of(),
                        SimulationInputs.Candidates.DEFAULT_MAX_SIMULATED));
        try {
            service.save(team.id(), NAME, service.run(inputs, SimulationProgress.NONE));
        } catch (IllegalArgumentException | dev.burnrate.api.KernelException e) {
            log.warn("Demo simulation skipped: {}", e.getMessage());
        }
    }
}
