package dev.burnrate.engine.simulation;

/** Receives progress while a simulation runs (e.g. to move a progress bar). */
@FunctionalInterface
public interface SimulationProgress {

    /** @param done fraction in [0, 1]; @param step what is being simulated now */
    void update(double done, String step);

    SimulationProgress NONE = (done, step) -> {
    };
}
