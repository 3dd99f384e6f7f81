/**
 * FOCUS billing data on Apache Arrow: schema ({@code schema}), importers ({@code ingest}), conformance checks
 * ({@code validation}), immutable versioned datasets with lineage and storage tiers ({@code store}), a query engine
 * over the Arrow buffers ({@code query}) and a seeded synthetic data generator ({@code synth}).
 *
 * <p>Plain Java: no Spring, Vaadin or jOOQ. Every Arrow resource has one owner and is closed with
 * try-with-resources; callers pass a {@link org.apache.arrow.memory.BufferAllocator} in.
 */
package dev.burnrate.engine.usage;
