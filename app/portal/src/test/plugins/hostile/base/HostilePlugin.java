package hostile.base;

import org.pf4j.Plugin;

/** The Plugin-Class every hostile jar names (the portal refuses a plugin without one). */
public class HostilePlugin extends Plugin {
}
