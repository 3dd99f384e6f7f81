package dev.burnrate.portal;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Burnrate portal. Styles come from {@code frontend/} as plain stylesheets: no frontend bundle is built. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("frontend/burnrate.css")
public class BurnrateApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(BurnrateApplication.class, args);
    }
}
