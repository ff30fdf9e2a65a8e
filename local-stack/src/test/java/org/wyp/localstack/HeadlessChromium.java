package org.wyp.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and its chromedriver, driven headless. Found at their Debian paths, or where
 * {@code CHROMIUM_BINARY} and {@code CHROMEDRIVER} say; naming the driver explicitly keeps Selenium
 * from trying to download one.
 */
record HeadlessChromium(Path binary, Path driver) {

  static final String INSTALL_HINT =
      "no Chromium here: install Debian's chromium and chromium-driver packages (.ci/run does),"
          + " or set CHROMIUM_BINARY and CHROMEDRIVER";

  static Optional<HeadlessChromium> find() {
    Optional<Path> binary =
        executable("CHROMIUM_BINARY", List.of("/usr/bin/chromium", "/usr/bin/chromium-browser"));
    Optional<Path> driver = executable("CHROMEDRIVER", List.of("/usr/bin/chromedriver"));
    if (binary.isEmpty() || driver.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new HeadlessChromium(binary.get(), driver.get()));
  }

  WebDriver start(int width, int height) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binary.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=" + width + "," + height);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(driver.toFile())
            .usingAnyFreePort()
            .withTimeout(Duration.ofSeconds(30))
            .build();
    return new ChromeDriver(service, options);
  }

  private static Optional<Path> executable(String variable, List<String> candidates) {
    String configured = System.getenv(variable);
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(Files::isExecutable);
    }
    return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst();
  }

  static Path screenshotDirectory() throws IOException {
    Path directory = Path.of("target", "screenshots");
    Files.createDirectories(directory);
    return directory;
  }
}
