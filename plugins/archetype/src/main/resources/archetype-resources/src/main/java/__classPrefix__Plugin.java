package ${package};

import org.pf4j.Plugin;

/** The PF4J entry point named in the manifest (plugin.class). Keep it empty: the portal talks to the extension. */
public class ${classPrefix}Plugin extends Plugin {
}
