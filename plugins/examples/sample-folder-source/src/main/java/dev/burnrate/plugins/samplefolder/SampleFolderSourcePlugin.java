package dev.burnrate.plugins.samplefolder;

import org.pf4j.Plugin;

/** The PF4J entry point. Keep it empty: the host talks to the {@link FolderUsageSource} extension. */
public class SampleFolderSourcePlugin extends Plugin {
}
