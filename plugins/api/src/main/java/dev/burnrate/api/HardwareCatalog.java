package dev.burnrate.api;

import java.util.List;

/** Datasheet facts about a family of hardware (GPUs, TPUs, CPUs). */
public interface HardwareCatalog extends BurnrateExtension {

    List<HardwareSpec> specs();
}
