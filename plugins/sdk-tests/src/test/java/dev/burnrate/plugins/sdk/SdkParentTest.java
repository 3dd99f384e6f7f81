package dev.burnrate.plugins.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.api.ApiVersion;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The SDK parent inherits nothing from this repository (a plugin author's Maven reads it alone), so what it repeats
 * by hand must stay equal to the repository's: its own version and the version of the api and testkit it manages,
 * and the default Plugin-Requires, which is {@link ApiVersion#RECOMMENDED_REQUIRES}.
 */
class SdkParentTest {
    private final Element project = parse(ThisBuild.root().resolve("plugins/sdk-parent/pom.xml"));

    private static Element parse(Path pom) {
        try {
            Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
            return document.getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
    }

    private String child(Element parent, String name) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent().strip();
            }
        }
        throw new AssertionError("no <" + name + "> in " + parent.getTagName());
    }

    private Element properties() {
        return (Element) project.getElementsByTagName("properties").item(0);
    }

    @Test
    void itsVersionAndTheBurnrateVersionItManagesAreThisBuilds() {
        assertThat(child(project, "version")).isEqualTo(ThisBuild.version());
        assertThat(child(properties(), "burnrate.version")).isEqualTo(ThisBuild.version());
    }

    @Test
    void itsDefaultPluginRequiresIsTheApisRecommendedRange() {
        assertThat(child(properties(), "plugin.requires")).isEqualTo(ApiVersion.RECOMMENDED_REQUIRES);
    }

    @Test
    void itInheritsNothing() {
        assertThat(project.getElementsByTagName("parent").getLength()).isZero();
    }
}
