package dev.burnrate.portal.plugin;

import dev.burnrate.engine.plugin.ExtensionGuard;
import dev.burnrate.portal.notification.NotificationService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hears about failed and hung plugin calls: logs each, and tells every administrator in the notification centre
 * when a plugin is suspended (a call that did not answer in time suspends its plugin). The notification is written
 * on its own thread and transaction: the listener must not block the caller, and the caller's transaction (if it
 * rolls back because the plugin failed) must not take the notice with it.
 */
@Component
class PluginFaultNotifier implements ExtensionGuard.FaultListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PluginFaultNotifier.class);

    private final NotificationService notifications;
    private final TransactionTemplate ownTransaction;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "plugin-fault-notifier");
        thread.setDaemon(true);
        return thread;
    });

    PluginFaultNotifier(NotificationService notifications, PlatformTransactionManager transactions) {
        this.notifications = notifications;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void onFault(String pluginId, String message, boolean suspended) {
        log.warn("Plugin {} {}: {}", pluginId, suspended ? "suspended" : "failed a call", message);
        if (suspended) {
            sender.execute(() -> notifyAdmins(pluginId, message));
        }
    }

    private void notifyAdmins(String pluginId, String message) {
        try {
            ownTransaction.executeWithoutResult(s -> notifications.send(notifications.alertRecipients(null, false),
                    "plugin", "Plugin " + pluginId + " suspended", clip(message + ". Admin > Plugins shows its "
                            + "state; a suspended plugin stays suspended, also after a restart, until it is enabled."),
                    "admin/plugins", null));
        } catch (RuntimeException e) {
            log.error("Could not tell the administrators that plugin {} was suspended", pluginId, e);
        }
    }

    private static String clip(String text) {
        return text.length() > 2000 ? text.substring(0, 1999) + "…" : text;
    }

    @Override
    public void close() {
        sender.shutdown();
    }
}
