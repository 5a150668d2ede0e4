package dev.polyshop.systemtests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: both paths are given, so Selenium Manager never
 * runs and nothing is downloaded. Each browser has a profile and a HOME of its own, deleted on close, and keeps
 * every SEVERE console entry of every page it showed: a JavaScript error, an unhandled rejection, or a failed
 * request.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** How long a page may take to show what a test waits for: the saga crosses four services. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    /** The screen the pages are shown on. */
    enum Screen {
        DESKTOP(1280, 900), PHONE(390, 844);

        final int width;
        final int height;

        Screen(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    private final Path home;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final List<String> severeEntries = new ArrayList<>();
    private final List<Pattern> expectedEntries = new ArrayList<>();

    private Browser(Path home, ChromeDriverService service, ChromeDriver driver) {
        this.home = home;
        this.service = service;
        this.driver = driver;
    }

    static Browser start(Screen screen) {
        Path home;
        try {
            home = Files.createTempDirectory("polyshop-browser-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                // Chromium writes ~/.config and ~/.cache; SE_OFFLINE keeps any Selenium tooling from going online.
                .withEnvironment(Map.of("HOME", home.toString(), "SE_OFFLINE", "true"))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + home.resolve("profile"),
                "--window-size=" + Math.max(screen.width, 500) + "," + screen.height);
        if (screen == Screen.PHONE) {
            // A headless window is at least 500 px wide: emulate the phone's viewport instead.
            options.setExperimentalOption("mobileEmulation",
                    Map.of("deviceMetrics", Map.of("width", screen.width, "height", screen.height, "pixelRatio", 1.0)));
        }
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        try {
            return new Browser(home, service, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            service.stop();
            deleteRecursively(home);
            throw e;
        }
    }

    /**
     * Visits a path of the shop, e.g. {@code /#/orders} or {@code /admin/#/}, loading the site afresh as a typed
     * address or a bookmark does (going there from the same site would only change the hash).
     */
    void open(String path) {
        driver.get("about:blank");
        driver.get(SystemUnderTest.baseUrl() + path);
    }

    void reload() {
        driver.navigate().refresh();
    }

    /** Waits until an element is shown and returns it. */
    WebElement await(String css) {
        return until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void awaitText(String css, String text) {
        until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /**
     * Does something that leads to another page of the site (a link, a filter) and waits until the router has shown
     * it: the sites render pages asynchronously, and the page before may hold the same elements.
     */
    void awaitNextPage(Runnable action) {
        WebElement shown = await("#page > *");
        action.run();
        until(ExpectedConditions.stalenessOf(shown));
    }

    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE).until(condition);
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return await(css).getText();
    }

    void fill(String css, String value) {
        WebElement field = await(css);
        field.clear();
        field.sendKeys(value);
    }

    void select(String css, String visibleText) {
        new Select(await(css)).selectByVisibleText(visibleText);
    }

    void click(String css) {
        until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    void clickLink(String text) {
        until(ExpectedConditions.elementToBeClickable(By.linkText(text))).click();
    }

    String value(String css) {
        return await(css).getDomProperty("value");
    }

    String hash() {
        return (String) script("return location.hash");
    }

    Object script(String javaScript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javaScript, arguments);
    }

    /**
     * Tells the browser that a request answering this status is part of the test (e.g. the 409 of deleting a
     * category that holds products): Chromium logs it as SEVERE, but it is no JavaScript error.
     */
    void expectFailedRequests(int status) {
        expectedEntries.add(Pattern.compile("Failed to load resource: the server responded with a status of " + status
                + "\\b"));
    }

    /** Every SEVERE console entry so far that the test did not expect. */
    List<String> javaScriptErrors() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                severeEntries.add(entry.getMessage());
            }
        }
        return severeEntries.stream()
                .filter(message -> expectedEntries.stream().noneMatch(expected -> expected.matcher(message).find()))
                .toList();
    }

    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        File taken = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(taken.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteRecursively(home);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary profile is no reason to fail a test.
        }
    }
}
