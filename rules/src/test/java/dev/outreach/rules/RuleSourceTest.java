package dev.outreach.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code classpath:} rules: a name that is empty, missing or a folder says so. */
class RuleSourceTest {
  @TempDir Path dir;

  ClassLoader folderLoader() throws IOException {
    Files.createDirectories(dir.resolve("cp/rules"));
    Files.writeString(dir.resolve("cp/rules/a.drl"), "rule \"a\" when then end\n");
    Files.writeString(dir.resolve("cp/readme.txt"), "hello");
    return new URLClassLoader(new URL[] {dir.resolve("cp").toUri().toURL()}, null);
  }

  ClassLoader jarLoader() throws IOException {
    Path jar = dir.resolve("rules.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out)) {
      j.putNextEntry(new JarEntry("rules/"));
      j.closeEntry();
      j.putNextEntry(new JarEntry("rules/a.drl"));
      j.write("rule \"a\" when then end\n".getBytes(StandardCharsets.UTF_8));
      j.closeEntry();
    }
    return new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
  }

  @Test
  void aFileIsReadUnderItsClasspathNameWithOrWithoutALeadingSlash() throws Exception {
    assertThat(RuleSource.classpath(folderLoader(), "rules/a.drl").name())
        .isEqualTo("classpath:rules/a.drl");
    assertThat(RuleSource.classpath(jarLoader(), "/rules/a.drl").text()).startsWith("rule \"a\"");
  }

  @Test
  void aFolderIsNamedAsAFolderOnDiskAndInAJar() throws Exception {
    for (ClassLoader loader : new ClassLoader[] {folderLoader(), jarLoader()}) {
      for (String name : new String[] {"rules", "rules/"}) {
        assertThatThrownBy(() -> RuleSource.classpath(loader, name))
            .isInstanceOf(IOException.class)
            .hasMessageStartingWith("rules classpath:" + name + ": is a folder on the classpath")
            .hasMessageContaining("classpath:rules/NAME.drl");
      }
    }
  }

  @Test
  void anEmptyNameSaysWhatToWrite() throws Exception {
    assertThatThrownBy(() -> RuleSource.classpath(folderLoader(), ""))
        .hasMessage(
            "rules classpath:: names no resource; write classpath:NAME, e.g."
                + " classpath:outreach/sample/rules/20-calls.drl");
  }

  @Test
  void aMissingResourceIsMissingWhateverItsName() throws Exception {
    assertThatThrownBy(() -> RuleSource.classpath(folderLoader(), "nope"))
        .hasMessage("rules classpath:nope: no such resource on the classpath");
    assertThatThrownBy(() -> RuleSource.classpath(folderLoader(), "rules/b.drl"))
        .hasMessage("rules classpath:rules/b.drl: no such resource on the classpath");
  }

  @Test
  void aResourceThatIsNoRulesFileSaysSo() throws Exception {
    assertThatThrownBy(() -> RuleSource.classpath(folderLoader(), "readme.txt"))
        .hasMessageContaining("not a rules file");
  }
}
