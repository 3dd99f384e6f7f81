package dev.burnrate.portal.simulation;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.burnrate.portal.base.BackgroundWork;
import dev.burnrate.portal.base.ViewTask;
import dev.burnrate.portal.user.Team;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * /simulate: a training run or an inference service (or both, side by side) priced on the catalog's offerings
 * and purchase options. The run happens in the background with a progress bar (updates arrive by push; leaving
 * the page stops the run); results can be saved for a team, re-run and compared.
 */
@Route("simulate")
@PageTitle("Simulate · Burnrate")
@Menu(order = 30, title = "Simulate", icon = "vaadin:chart-3d")
@PermitAll
public class SimulateView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(SimulateView.class);

    private final SimulationService service;
    private final BackgroundWork work;
    private final RadioButtonGroup<SimulationInputs.Kind> kind = new RadioButtonGroup<>("Workload");
    private final TrainingForm training;
    private final InferenceForm inference;
    private final CandidatePicker candidates;
    private final Button run = new Button("Run simulation", VaadinIcon.PLAY.create());
    private final ProgressBar progress = new ProgressBar(0, 1);
    private final Span status = new Span();
    private final ResultsPanel results = new ResultsPanel();
    private final TextField scenarioName = new TextField("Scenario name");
    private final ComboBox<Team> team = new ComboBox<>("Team");
    private final Button save = new Button("Save scenario", VaadinIcon.DOWNLOAD_ALT.create());
    private final SavedScenarios saved = new SavedScenarios();
    private SimulationOutcome last;

    public SimulateView(SimulationService service, UsageLoadCurves loadCurves, BackgroundWork work) {
        this.service = service;
        this.work = work;
        inference = new InferenceForm(loadCurves);
        addClassName("simulate-view");
        CandidateOptions options = service.candidateOptions();
        training = new TrainingForm(options.referenceAccelerators());
        candidates = new CandidatePicker(options, filter -> service.candidates(filter).size());
        kind.setId("sim-kind");
        kind.setItems(SimulationInputs.Kind.values());
        kind.setItemLabelGenerator(k -> switch (k) {
            case TRAINING -> "Training run";
            case INFERENCE -> "Inference service";
            case HYBRID -> "Train, then serve (side by side)";
        });
        kind.addValueChangeListener(e -> showForms());
        kind.setValue(SimulationInputs.Kind.TRAINING);
        run.setId("run-simulation");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickListener(e -> startRun(null));
        progress.setId("simulation-progress");
        progress.setVisible(false);
        progress.setWidth("240px");
        status.setId("simulation-status");
        scenarioName.setId("scenario-name");
        team.setId("scenario-team");
        team.setItems(service.teams());
        team.setItemLabelGenerator(Team::name);
        service.teams().stream().findFirst().ifPresent(team::setValue);
        save.setId("save-scenario");
        save.setEnabled(false);
        save.addClickListener(e -> saveScenario());
        saved.addLoadListener(e -> load(e.scenarios().getFirst()));
        saved.addRerunListener(e -> startRun(e.scenarios().getFirst()));
        saved.addCompareListener(e -> compare(e.scenarios()));
        HorizontalLayout runBar = new HorizontalLayout(run, progress, status);
        runBar.setDefaultVerticalComponentAlignment(Alignment.CENTER);
        HorizontalLayout saveBar = new HorizontalLayout(scenarioName, team, save);
        saveBar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(new H2("Simulate"), kind, training, inference, new H3("Candidate offerings"), candidates, runBar,
                results, saveBar, saved);
        refreshSaved();
    }

    private void showForms() {
        SimulationInputs.Kind k = kind.getValue();
        training.setVisible(k != SimulationInputs.Kind.INFERENCE);
        inference.setVisible(k != SimulationInputs.Kind.TRAINING);
    }

    private SimulationInputs inputs() {
        return new SimulationInputs(kind.getValue(), training.value(), inference.value(), candidates.value());
    }

    /** Runs the form's inputs, or re-runs a saved scenario, in the background. */
    private void startRun(ScenarioSummary rerunOf) {
        SimulationInputs inputs;
        try {
            inputs = rerunOf == null ? inputs() : service.inputs(rerunOf.id());
        } catch (IllegalArgumentException e) {
            error(e.getMessage());
            return;
        }
        run.setEnabled(false);
        save.setEnabled(false);
        progress.setValue(0);
        progress.setVisible(true);
        status.setText("starting…");
        try {
            ViewTask.start(this, work, "the simulation", task -> rerunOf == null
                            ? service.run(inputs, (done, step) -> {
                                task.checkCancelled();
                                task.show(() -> {
                                    progress.setValue(done);
                                    status.setText(step);
                                });
                            })
                            : service.rerun(rerunOf.id(), (done, step) -> {
                                task.checkCancelled();
                                task.show(() -> progress.setValue(done));
                            }),
                    outcome -> finished(outcome, rerunOf), this::failed);
        } catch (BackgroundWork.Busy busy) {
            failed(busy);
        }
    }

    private void finished(SimulationOutcome outcome, ScenarioSummary rerunOf) {
        last = outcome;
        run.setEnabled(true);
        progress.setVisible(false);
        status.setText(rerunOf == null ? "done" : "re-ran '" + rerunOf.name() + "' and recorded the run");
        results.show(outcome);
        save.setEnabled(rerunOf == null);
        if (rerunOf != null) {
            refreshSaved();
        }
    }

    private void failed(Exception e) {
        if (!(e instanceof IllegalArgumentException || e instanceof BackgroundWork.Busy)) {
            log.error("Simulation failed", e);
        }
        run.setEnabled(true);
        progress.setVisible(false);
        status.setText("");
        error(e instanceof IllegalArgumentException || e instanceof BackgroundWork.Busy ? e.getMessage()
                : "The simulation failed: " + e.getMessage());
    }

    private void saveScenario() {
        if (last == null || team.getValue() == null) {
            error("Run a simulation and choose a team first.");
            return;
        }
        try {
            service.save(team.getValue().id(), scenarioName.getValue(), last);
            Notification.show("Saved '" + scenarioName.getValue().trim() + "'.").addThemeVariants(
                    NotificationVariant.LUMO_SUCCESS);
            save.setEnabled(false);
            refreshSaved();
        } catch (IllegalArgumentException e) {
            error(e.getMessage());
        }
    }

    private void load(ScenarioSummary scenario) {
        SimulationInputs inputs = service.inputs(scenario.id());
        kind.setValue(inputs.kind());
        training.setValue(inputs.training());
        inference.setValue(inputs.inference());
        candidates.setValue(inputs.candidates());
        scenarioName.setValue(scenario.name() + " (copy)");
        status.setText("loaded the inputs of '" + scenario.name() + "'");
    }

    private void compare(List<ScenarioSummary> pair) {
        ScenarioSummary left = pair.get(0);
        ScenarioSummary right = pair.get(1);
        if (left.lastRunId() == null || right.lastRunId() == null) {
            error("Both scenarios need a run to compare.");
            return;
        }
        new RunComparisonDialog(left, service.results(left.lastRunId()), right,
                service.results(right.lastRunId())).open();
    }

    private void refreshSaved() {
        saved.show(service.scenarios(0, 200));
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
