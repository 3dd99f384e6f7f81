package dev.burnrate.portal;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The Burnrate portal. Styles come from {@code frontend/} as plain stylesheets: no frontend bundle is built. Push is
 * on: long work (imports, simulations, provisioning) runs on {@code base.BackgroundWork} and its progress and
 * results reach the page through {@code UI.access} without polling.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("frontend/burnrate.css")
public class BurnrateApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(BurnrateApplication.class, args);
    }
}
