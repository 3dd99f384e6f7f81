package dev.burnrate.portal.simulation;

import dev.burnrate.api.KernelException;
import dev.burnrate.api.KernelNames;
import dev.burnrate.api.Offering;
import dev.burnrate.engine.kernel.KernelRunner;
import dev.burnrate.engine.simulation.HybridComparison;
import dev.burnrate.engine.simulation.InferenceReport;
import dev.burnrate.engine.simulation.InferenceSimulator;
import dev.burnrate.engine.simulation.SimulationProgress;
import dev.burnrate.engine.simulation.TrainingReport;
import dev.burnrate.engine.simulation.TrainingSimulator;
import dev.burnrate.portal.compute.ComputeService;
import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import dev.burnrate.portal.user.Team;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs simulations on the calibrated compute backends and keeps scenarios per team: save, list, re-run, compare.
 * Every logged-in role may simulate; saved scenarios are visible to their team (ADMIN and FINANCE: all teams).
 */
@Service
@RolesAllowed({Role.Names.ENGINEER, Role.Names.ADMIN, Role.Names.FINANCE, Role.Names.APPROVER})
public class SimulationService {

    private final SimulationCatalog catalog;
    private final UsageLoadCurves loadCurves;
    private final ComputeService compute;
    private final ScenarioRepository repository;
    private final CurrentUser currentUser;
    private final Clock clock;

    public SimulationService(SimulationCatalog catalog, UsageLoadCurves loadCurves, ComputeService compute,
                             ScenarioRepository repository, CurrentUser currentUser, Clock clock) {
        this.catalog = catalog;
        this.loadCurves = loadCurves;
        this.compute = compute;
        this.repository = repository;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public CandidateOptions candidateOptions() {
        TreeSet<String> providers = new TreeSet<>();
        java.util.Map<String, String> providerNames = new java.util.HashMap<>();
        TreeSet<String> regions = new TreeSet<>();
        TreeSet<String> accelerators = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        TreeSet<String> jurisdictions = new TreeSet<>();
        for (SimulationCatalog.Entry entry : catalog.offerings()) {
            Offering o = entry.offering();
            providers.add(o.providerId());
            providerNames.putIfAbsent(o.providerId(), entry.providerName());
            regions.add(o.regionId());
            jurisdictions.add(entry.jurisdiction());
            if (o.hasAccelerator()) {
                accelerators.add(o.acceleratorName());
            }
        }
        List<String> references = catalog.hardware().stream().filter(h -> h.kind() != dev.burnrate.api.HardwareKind.CPU)
                .map(dev.burnrate.api.HardwareSpec::model).sorted().toList();
        return new CandidateOptions(List.copyOf(providers), List.copyOf(regions), List.copyOf(accelerators),
                List.copyOf(jurisdictions), references, providerNames);
    }

    /** The offerings a filter selects, cheapest on-demand first. */
    public List<SimulationCatalog.Entry> candidates(SimulationInputs.Candidates filter) {
        return catalog.offerings().stream().filter(filter::matches)
                .sorted((a, b) -> Double.compare(a.offering().prices().onDemand(), b.offering().prices().onDemand()))
                .toList();
    }

    /**
     * Runs a simulation (seconds; call it off the UI thread). Bad inputs fail with an
     * {@link IllegalArgumentException} saying which.
     */
    public SimulationOutcome run(SimulationInputs inputs, SimulationProgress progress) throws KernelException {
        List<SimulationCatalog.Entry> candidates = candidates(inputs.candidates());
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("No offering matches the candidate filter.");
        }
        // No cap here: the simulators decide which offerings can run the workload first, then keep the cheapest
        // (training: up to the filter's limit, reporting the rest).
        List<Offering> offerings = candidates.stream().map(SimulationCatalog.Entry::offering).toList();
        KernelRunner kernels = new KernelRunner(compute.router());
        double cpuGflops = compute.cpuGflopsPerCore();
        Map<String, String> backends = new LinkedHashMap<>();
        TrainingReport training = null;
        InferenceReport inference = null;
        if (inputs.trains()) {
            var workload = inputs.training().toWorkload();
            SimulationProgress part = inputs.serves() ? (done, step) -> progress.update(done * 0.7, step) : progress;
            training = new TrainingSimulator(kernels).simulate(workload, offerings, catalog.hardware(), cpuGflops,
                    inputs.candidates().maxSimulated(), part);
            backends.put(KernelNames.SPOT_TRAINING_MONTE_CARLO, training.backendId());
        }
        if (inputs.serves()) {
            var form = inputs.inference();
            // A curve from usage data is read again on every run (a re-run sees the dataset's newest version).
            var workload = form.usageLoad() == null ? form.toWorkload()
                    : form.toWorkload(loadCurves.requestsPerSecond(form.usageLoad(), form.peakRps()));
            SimulationProgress part = inputs.trains() ? (done, step) -> progress.update(0.7 + done * 0.3, step)
                    : progress;
            inference = new InferenceSimulator(kernels).simulate(workload, offerings, catalog.hardware(), cpuGflops,
                    part);
            backends.put(KernelNames.INFERENCE_CAPACITY, inference.backendId());
            backends.put(KernelNames.COMMITMENT_COVERAGE, kernels.backendId(KernelNames.COMMITMENT_COVERAGE));
        }
        List<HybridComparison.HybridOption> hybrid = training != null && inference != null
                ? HybridComparison.compare(training, inference) : List.of();
        return new SimulationOutcome(inputs, training, inference, hybrid, backends, offerings.size());
    }

    /** Teams the user may save scenarios for. */
    @Transactional(readOnly = true)
    public List<Team> teams() {
        return repository.findTeams(currentUser::teamScope);
    }

    /** Saves a scenario with its first run. */
    @Transactional
    public long save(long teamId, String name, SimulationOutcome outcome) {
        currentUser.checkTeamAccess(teamId);
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            throw new IllegalArgumentException("A scenario needs a name of 1 to 200 characters.");
        }
        if (repository.existsByName(teamId, trimmed)) {
            throw new IllegalArgumentException("Team already has a scenario named '" + trimmed + "'.");
        }
        long id = repository.insertScenario(teamId, trimmed, outcome.inputs().kind().name(),
                ScenarioJson.write(outcome.inputs()), currentUser.actor(), now());
        recordRun(id, outcome);
        return id;
    }

    /** Runs a saved scenario again with its saved inputs on today's catalog and backends, and records the run. */
    public SimulationOutcome rerun(long scenarioId, SimulationProgress progress) throws KernelException {
        SimulationOutcome outcome = run(inputs(scenarioId), progress);
        recordRun(scenarioId, outcome);
        return outcome;
    }

    @Transactional(readOnly = true)
    public SimulationInputs inputs(long scenarioId) {
        ScenarioRepository.StoredScenario scenario = repository.findScenario(scenarioId)
                .orElseThrow(() -> new IllegalArgumentException("No scenario " + scenarioId));
        currentUser.checkTeamAccess(scenario.teamId());
        return ScenarioJson.read(scenario.inputsJson(), SimulationInputs.class);
    }

    @Transactional(readOnly = true)
    public List<ScenarioSummary> scenarios(int offset, int limit) {
        return repository.findScenarios(currentUser.teamScope(dev.burnrate.portal.db.Tables.SIMULATION_SCENARIOS.TEAM_ID),
                offset, limit);
    }

    @Transactional(readOnly = true)
    public int countScenarios() {
        return repository.countScenarios(currentUser.teamScope(dev.burnrate.portal.db.Tables.SIMULATION_SCENARIOS.TEAM_ID));
    }

    @Transactional(readOnly = true)
    public List<RunSummary> runs(long scenarioId) {
        inputs(scenarioId);
        return repository.findRuns(scenarioId);
    }

    /** A stored run's results, if the user may see its team. */
    @Transactional(readOnly = true)
    public RunResults results(long runId) {
        ScenarioRepository.StoredRun run = repository.findRun(runId)
                .orElseThrow(() -> new IllegalArgumentException("No run " + runId));
        if (!currentUser.seesAllTeams() && !currentUser.teamIds().contains(run.teamId())) {
            throw new AccessDeniedException("You are not a member of the team of run " + runId);
        }
        return ScenarioJson.read(run.resultsJson(), RunResults.class);
    }

    @Transactional
    void recordRun(long scenarioId, SimulationOutcome outcome) {
        RunResults results = outcome.summary();
        RunResults.Recommended headline = results.headline();
        repository.insertRun(scenarioId, now(), currentUser.actor(), outcome.backends().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")),
                headline == null ? null : headline.label(), headline == null ? null : headline.expectedCost(),
                ScenarioJson.write(results));
    }

    private java.time.OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
