package dev.outreach.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What a user importing Outreach from a repository relies on: the BOM in step with the build and
 * naming every published artifact, and the metadata (license, SCM, reproducible time) a repository
 * asks for.
 */
class PublishingMetadataTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void theBomHasTheBuildsVersionAndManagesEveryPublishedModule() throws Exception {
    Document parent = read(ROOT.resolve("pom.xml"));
    Document bom = read(ROOT.resolve("bom/pom.xml"));
    assertThat(text(bom.getDocumentElement(), "version"))
        .as("outreach-bom's version must be the parent's: change both together")
        .isEqualTo(text(parent.getDocumentElement(), "version"));
    assertThat(text(bom.getDocumentElement(), "parent"))
        .as("the BOM must not inherit third-party versions")
        .isNull();

    List<String> published = new ArrayList<>();
    for (String module : children(parent.getDocumentElement(), "modules", "module")) {
      Document pom = read(ROOT.resolve(module).resolve("pom.xml"));
      boolean skipped =
          Files.readString(ROOT.resolve(module).resolve("pom.xml"))
              .contains("<maven.deploy.skip>true</maven.deploy.skip>");
      if (!module.equals("bom") && !skipped) {
        published.add(text(pom.getDocumentElement(), "artifactId"));
      }
    }
    assertThat(published).isNotEmpty();
    Element managed = child(bom.getDocumentElement(), "dependencyManagement");
    assertThat(children(managed, "dependencies", "dependency", "artifactId"))
        .containsExactlyInAnyOrderElementsOf(published);
  }

  @Test
  void theBuildCarriesLicenseScmAndAFixedOutputTime() throws Exception {
    for (String pom : List.of("pom.xml", "bom/pom.xml")) {
      Element project = read(ROOT.resolve(pom)).getDocumentElement();
      assertThat(children(project, "licenses", "license", "name"))
          .as(pom)
          .containsExactly("Apache-2.0");
      assertThat(text(child(project, "scm"), "url")).as(pom).startsWith("https://");
      assertThat(text(project, "url")).as(pom).startsWith("https://");
      assertThat(text(child(project, "properties"), "project.build.outputTimestamp"))
          .as(pom)
          .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    }
    assertThat(Files.readString(ROOT.resolve("LICENSE")))
        .contains("Apache License", "Version 2.0, January 2004");
  }

  private static Document read(Path pom) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(pom.toFile());
  }

  /** The direct child element {@code name} of {@code e}, or null. */
  private static Element child(Element e, String name) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element && n.getNodeName().equals(name)) {
        return (Element) n;
      }
    }
    return null;
  }

  private static String text(Element e, String name) {
    Element c = e == null ? null : child(e, name);
    return c == null ? null : c.getTextContent().trim();
  }

  /** The texts of every element at {@code path} below {@code e}, following direct children. */
  private static List<String> children(Element e, String... path) {
    List<Element> level = new ArrayList<>(List.of(e));
    for (int i = 0; i < path.length - 1; i++) {
      List<Element> next = new ArrayList<>();
      for (Element x : level) {
        for (Node n = x.getFirstChild(); n != null; n = n.getNextSibling()) {
          if (n instanceof Element && n.getNodeName().equals(path[i])) {
            next.add((Element) n);
          }
        }
      }
      level = next;
    }
    List<String> out = new ArrayList<>();
    for (Element x : level) {
      for (Node n = x.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element && n.getNodeName().equals(path[path.length - 1])) {
          out.add(n.getTextContent().trim());
        }
      }
    }
    return out;
  }
}
